package cn.nantong.livingcircle.reachability;

import cn.nantong.livingcircle.engine.isochrone.IsochroneSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Isochrone settings.
 *
 * @param bufferMeters   half-width of the band around reached walkways that makes up an isochrone's area
 * @param maxTimeLimits  most time limits one {@code isochrone} request may ask for
 * @param cellMeters     side of the raster cells the band is traced on ({@link IsochroneSettings#cellMeters()}): the boundary
 *                       lies within about half a cell of the exact band (inner corners are cut by up to 0.7 cell);
 *                       time grows with 1/cell²; at most {@code bufferMeters} / 2
 */
@ConfigurationProperties("circle.isochrone")
public record IsochroneProperties(@DefaultValue("40") double bufferMeters, @DefaultValue("6") int maxTimeLimits,
        @DefaultValue("6") double cellMeters) {

    public IsochroneProperties {
        try {
            new IsochroneSettings(bufferMeters, cellMeters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("circle.isochrone." + e.getMessage(), e);
        }
    }

    /** The engine's view of these settings. */
    public IsochroneSettings settings() {
        return new IsochroneSettings(bufferMeters, cellMeters);
    }
}
