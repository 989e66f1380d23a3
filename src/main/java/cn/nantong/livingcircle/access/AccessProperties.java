package cn.nantong.livingcircle.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyCacheTtl how long a replica trusts what it read about a key; a key revoked on another replica stops
 *                    working here at the latest after this long (on the revoking replica, at once)
 */
@ConfigurationProperties("circle.access")
record AccessProperties(@DefaultValue("30s") Duration keyCacheTtl) {
}
