package cn.nantong.livingcircle.dataset;

/**
 * The {@code (:Dataset)} node: provenance, licence and the data version stamp that in-memory caches key on.
 *
 * @param horizonMeters walking distance up to which {@code WALKS_TO} edges were precomputed
 */
public record DatasetInfo(String id, String name, String source, String licence, String attribution,
        boolean synthetic, String version, String importedAt, double horizonMeters, int buildingCount,
        int outletCount, int facilityCount, int junctionCount, int walkwayCount, int walkingEdgeCount) {
}
