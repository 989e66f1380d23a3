package cn.nantong.livingcircle.reachability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Isochrone settings.
 *
 * @param bufferMeters   half-width of the band around reached walkways that makes up an isochrone's area
 * @param maxTimeLimits  most time limits one {@code isochrone} request may ask for
 * @param cellMeters     side of the raster cells the band is traced on ({@link DistanceFieldContour}): the boundary
 *                       lies within about half a cell of the exact band (inner corners are cut by up to 0.7 cell);
 *                       time grows with 1/cell²; at most {@code bufferMeters} / 2
 */
@ConfigurationProperties("circle.isochrone")
public record IsochroneProperties(@DefaultValue("40") double bufferMeters, @DefaultValue("6") int maxTimeLimits,
        @DefaultValue("6") double cellMeters) {

    public IsochroneProperties {
        if (!(bufferMeters > 0)) {
            throw new IllegalArgumentException("circle.isochrone.buffer-meters must be positive, was " + bufferMeters);
        }
        if (!(cellMeters > 0) || cellMeters > bufferMeters / 2) {
            throw new IllegalArgumentException("circle.isochrone.cell-meters must lie in (0, buffer-meters / 2], was "
                    + cellMeters);
        }
    }
}
