package cn.nantong.livingcircle.importer.osm;

import java.util.List;

/**
 * A segment of the merged walkway network: from the file ({@code stored == null}) or stored in the graph.
 *
 * @param shape      every vertex as {@code [lat0, lon0, lat1, lon1, ...]}, null for a stored straight segment
 * @param raisedKerb whether it crosses a raised kerb (not for a wheelchair)
 */
record WalkwayPiece(String id, String fromId, String toId, int millimetres, double[] shape, Long osmWay,
        String kind, boolean raisedKerb, ExistingGraph.Walkway stored) {

    static WalkwayPiece of(ExistingGraph.Walkway w) {
        return new WalkwayPiece(w.id(), w.fromId(), w.toId(), w.millimetres(), toArray(w.shape()), w.osmWay(),
                w.kind(), w.raisedKerb(), w);
    }

    boolean fromFile() {
        return stored == null;
    }

    List<Double> shapeList() {
        return shape == null ? null : java.util.Arrays.stream(shape).boxed().toList();
    }

    static double[] toArray(List<Double> list) {
        return list == null ? null : list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
