package cn.nantong.livingcircle.engine;

/**
 * A point on a walkway segment: the segment's dense index and the distance along it, in
 * millimetres, measured from {@link WalkwayNetwork#segmentFrom(int) segmentFrom} towards
 * {@link WalkwayNetwork#segmentTo(int) segmentTo}.
 *
 * <p>Valid offsets are {@code 0..segmentMillimetres(segment)} inclusive; {@code 0} is the from
 * junction and {@code segmentMillimetres} the to junction. The upper bound depends on the network,
 * so it is checked where an attachment meets a network ({@link WalkingSearch},
 * {@link PlaceLocator}), not here.
 *
 * <p>Places and origins sit on segments rather than on junctions because a building in the middle
 * of a 300 m street is not 150 m from both ends: snapping to the nearest junction would be wrong by
 * up to half a block, which matters for a 15-minute (about 1 km) walk.
 */
public record Attachment(int segment, int offsetMillimetres) {

    public Attachment {
        if (segment < 0) {
            throw new IllegalArgumentException("segment must be >= 0: " + segment);
        }
        if (offsetMillimetres < 0) {
            throw new IllegalArgumentException("offsetMillimetres must be >= 0: " + offsetMillimetres);
        }
    }
}
