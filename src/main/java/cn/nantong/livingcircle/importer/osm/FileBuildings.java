package cn.nantong.livingcircle.importer.osm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.nantong.livingcircle.community.BuildingRow;

/**
 * Phase 4: the file's buildings (closed ways with a {@code building} tag, see {@link OsmBuildings} for the footprint
 * and the resident estimate), attached to the merged network; farther than the maximum snap distance from every
 * walkway they are skipped and counted.
 *
 * @param rows        building id → row, in file order
 * @param unattached  buildings skipped as too far from every walkway
 * @param residential buildings with households
 * @param residents   their estimated residents
 */
record FileBuildings(Map<String, BuildingRow> rows, int unattached, int residential, long residents) {

    static FileBuildings map(OsmExtract x, MergedNetwork network, OsmCommunities communities, double maxSnapMeters) {
        Map<String, BuildingRow> rows = new LinkedHashMap<>();
        int unattached = 0;
        int residential = 0;
        long residents = 0;
        OsmBuildings.Areas areas = communities.areas();
        for (OsmExtract.Way w : x.ways) {
            if (!w.closed() || !OsmBuildings.isBuilding(w.tags())) {
                continue;
            }
            OsmBuildings.Footprint f = OsmBuildings.footprint(x, w);
            if (f == null) {
                continue;
            }
            Optional<MergedNetwork.Snapped> snap = network.snap(f.lat(), f.lon(), maxSnapMeters);
            if (snap.isEmpty()) {
                unattached++;
                continue;
            }
            String named = areas.communityAt(f.lat(), f.lon());
            OsmBuildings.Estimate e = OsmBuildings.estimate(w.tags(), f.areaSquareMeters(),
                    named != null || areas.insideResidential(f.lat(), f.lon()) || areas.none());
            String community = communities.member(named, f.lat(), f.lon());
            if (e.households() > 0) {
                residential++;
                residents += e.residents();
            }
            String id = OsmIds.way(w.id());
            MergedNetwork.Snapped s = snap.get();
            rows.put(id, new BuildingRow(id, community, OsmIds.name(w.tags()), e.households(), e.residents(),
                    f.lat(), f.lon(), s.walkwayId(), s.offsetMeters(), s.snapMeters(), w.tags().get("building"),
                    e.levels(), f.areaSquareMeters()));
        }
        return new FileBuildings(rows, unattached, residential, residents);
    }
}
