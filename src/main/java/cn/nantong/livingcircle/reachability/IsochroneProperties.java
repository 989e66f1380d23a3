package cn.nantong.livingcircle.reachability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Isochrone settings.
 *
 * @param bufferMeters   half-width of the band around reached walkways that makes up an isochrone's area
 * @param maxTimeLimits  most time limits one {@code isochrone} request may ask for
 */
@ConfigurationProperties("circle.isochrone")
public record IsochroneProperties(@DefaultValue("40") double bufferMeters, @DefaultValue("6") int maxTimeLimits) {
}
