package cn.nantong.livingcircle.dataset;

/**
 * The {@code (:Dataset)} node: provenance, licence and the data version stamp that in-memory caches key on.
 *
 * @param horizonMeters walking distance up to which {@code WALKS_TO} edges were precomputed
 * @param generation    the active {@link Generations generation}: every reader matches the dataset's nodes on it
 */
public record DatasetInfo(String id, String name, String source, String licence, String attribution,
        boolean synthetic, String version, String importedAt, double horizonMeters, long generation, int buildingCount,
        int outletCount, int facilityCount, int junctionCount, int walkwayCount, int walkingEdgeCount) {
}
