package cn.nantong.livingcircle.explorer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the explorer page.
 *
 * @param tileUrl         a raster tile URL template ({@code {z}/{x}/{y}}) drawn under the vector layers; empty = no
 *                        tiles, so the page never asks another host for anything
 * @param tileAttribution the attribution the tile provider requires, shown on the map
 * @param graphiqlEnabled whether {@code /graphiql} is served
 */
@ConfigurationProperties("circle.explorer")
record ExplorerProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution,
        @DefaultValue("true") boolean graphiqlEnabled) {
}
