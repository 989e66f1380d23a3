package cn.nantong.livingcircle.importer;

import java.util.HashMap;
import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkingEdges;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.network.WalkingProperties;

/**
 * Everything an import computes before its first write: the walkway network in memory, the attachment of every
 * building and place to its nearest segment (projected onto the segment, not the nearest junction), and the
 * walking-distance edges. Places are indexed outlets first, then facilities, in file order.
 *
 * @param buildingSnapMeters distance from each building's given position to its attachment point
 * @param placeSnapMeters    the same for places
 */
record PreparedDataset(WalkwayNetwork network, Attachment[] buildings, double[] buildingSnapMeters,
        Attachment[] places, double[] placeSnapMeters, WalkingEdges edges) {

    static PreparedDataset prepare(CsvDataset data, WalkingProperties walking) {
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder(data.junctions().size(), data.walkways().size());
        Map<String, Integer> junctionIndex = new HashMap<>(data.junctions().size() * 2);
        for (CsvDataset.JunctionRow junction : data.junctions()) {
            junctionIndex.put(junction.id(), builder.addJunction(junction.lat(), junction.lon()));
        }
        for (CsvDataset.WalkwayRow walkway : data.walkways()) {
            builder.addSegment(junctionIndex.get(walkway.fromId()), junctionIndex.get(walkway.toId()),
                    Millimetres.of(walkway.lengthMeters()));
        }
        WalkwayNetwork network = builder.build();
        SegmentSnapper snapper = new SegmentSnapper(network, walking.minSnapComponentMeters());

        int buildingCount = data.buildings().size();
        Attachment[] buildings = new Attachment[buildingCount];
        double[] buildingSnap = new double[buildingCount];
        for (int i = 0; i < buildingCount; i++) {
            CsvDataset.BuildingRow b = data.buildings().get(i);
            SegmentSnapper.Snap snap = snap(snapper, walking, CsvLayout.BUILDINGS.fileName(), b.id(), b.lat(),
                    b.lon());
            buildings[i] = snap.attachment();
            buildingSnap[i] = snap.distanceMeters();
        }
        int outletCount = data.outlets().size();
        int placeCount = outletCount + data.facilities().size();
        Attachment[] places = new Attachment[placeCount];
        double[] placeSnap = new double[placeCount];
        int[] placeSegment = new int[placeCount];
        int[] placeOffset = new int[placeCount];
        for (int i = 0; i < placeCount; i++) {
            SegmentSnapper.Snap snap;
            if (i < outletCount) {
                CsvDataset.OutletRow o = data.outlets().get(i);
                snap = snap(snapper, walking, CsvLayout.OUTLETS.fileName(), o.id(), o.lat(), o.lon());
            } else {
                CsvDataset.FacilityRow f = data.facilities().get(i - outletCount);
                snap = snap(snapper, walking, CsvLayout.FACILITIES.fileName(), f.id(), f.lat(), f.lon());
            }
            places[i] = snap.attachment();
            placeSnap[i] = snap.distanceMeters();
            placeSegment[i] = snap.attachment().segment();
            placeOffset[i] = snap.attachment().offsetMillimetres();
        }
        PlaceLocator locator = new PlaceLocator(network, placeSegment, placeOffset);
        WalkingEdges edges = WalkingEdges.compute(network, buildings, locator, walking.horizonMillimetres());
        return new PreparedDataset(network, buildings, buildingSnap, places, placeSnap, edges);
    }

    private static SegmentSnapper.Snap snap(SegmentSnapper snapper, WalkingProperties walking, String file, String id,
            double lat, double lon) {
        return snapper.snap(lat, lon, walking.maxSnapMeters()).orElseThrow(() -> new ImportException(file + ": '" + id
                + "' at " + lat + "," + lon + " is farther than " + walking.maxSnapMeters() + " m from any walkway"));
    }
}
