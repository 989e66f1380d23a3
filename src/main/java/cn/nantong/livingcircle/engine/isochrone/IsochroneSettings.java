package cn.nantong.livingcircle.engine.isochrone;

/**
 * How an isochrone's area is traced.
 *
 * @param bufferMeters half-width of the band around the reached walkways that makes up the area
 * @param cellMeters   side of the raster cells the band is traced on ({@link DistanceFieldContour}): the boundary lies
 *                     within about half a cell of the exact band; time grows with 1/cell²; at most bufferMeters / 2
 */
public record IsochroneSettings(double bufferMeters, double cellMeters) {

    public IsochroneSettings {
        if (!(bufferMeters > 0)) {
            throw new IllegalArgumentException("buffer-meters must be positive, was " + bufferMeters);
        }
        if (!(cellMeters > 0) || cellMeters > bufferMeters / 2) {
            throw new IllegalArgumentException("cell-meters must lie in (0, buffer-meters / 2], was " + cellMeters);
        }
    }
}
