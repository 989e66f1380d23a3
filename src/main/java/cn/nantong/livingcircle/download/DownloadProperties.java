package cn.nantong.livingcircle.download;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConcurrent downloads streamed at once by one replica; one more is refused with OVERLOADED (HTTP 503)
 *                      rather than queued, since a download holds a database transaction for seconds
 */
@ConfigurationProperties("circle.downloads")
record DownloadProperties(@DefaultValue("2") int maxConcurrent) {
}
