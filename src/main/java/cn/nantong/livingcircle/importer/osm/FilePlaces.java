package cn.nantong.livingcircle.importer.osm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.nantong.livingcircle.place.PlaceRow;

/**
 * Phase 5: the file's places. Every node, then every closed way (at its centroid), with a POI key
 * ({@link CategoryMapping#POI_KEYS} or a key of the mapping table) becomes an outlet or facility attached to the
 * merged network: in the category of the {@link CategoryMapping} row it matches, else in its key's {@code other_*}
 * category. Farther than the maximum snap distance from every walkway it is skipped and counted. An unnamed place
 * is called after its deciding value ({@code bank (unnamed)}).
 *
 * @param rows        place id → row, in file order
 * @param unattached  places skipped as too far from every walkway
 * @param byCategory  places per category code
 * @param unmapped    {@code key=value} → count of the places no mapping row matches (imported as {@code other_*})
 */
record FilePlaces(Map<String, PlaceRow> rows, int unattached, Map<String, Integer> byCategory,
        Map<String, Integer> unmapped) {

    static FilePlaces map(OsmExtract x, CategoryMapping mapping, MergedNetwork network, OsmCommunities communities,
            double maxSnapMeters) {
        Mapper mapper = new Mapper(mapping, network, communities, maxSnapMeters);
        for (Map.Entry<Integer, Map<String, String>> node : x.nodeTags.entrySet()) {
            int n = node.getKey();
            mapper.place(OsmIds.node(x.nodeId(n)), node.getValue(), x.lat(n), x.lon(n));
        }
        for (OsmExtract.Way w : x.ways) {
            if (!w.closed() || !mapping.hasPoiKey(w.tags())) {
                continue;
            }
            OsmBuildings.Footprint f = OsmBuildings.footprint(x, w);
            if (f != null) {
                mapper.place(OsmIds.way(w.id()), w.tags(), f.lat(), f.lon());
            }
        }
        return new FilePlaces(mapper.rows, mapper.unattached, mapper.byCategory, mapper.unmapped);
    }

    private static final class Mapper {
        private final CategoryMapping mapping;
        private final MergedNetwork network;
        private final OsmCommunities communities;
        private final double maxSnapMeters;
        final Map<String, PlaceRow> rows = new LinkedHashMap<>();
        final Map<String, Integer> byCategory = new TreeMap<>();
        final Map<String, Integer> unmapped = new HashMap<>();
        int unattached;

        Mapper(CategoryMapping mapping, MergedNetwork network, OsmCommunities communities, double maxSnapMeters) {
            this.mapping = mapping;
            this.network = network;
            this.communities = communities;
            this.maxSnapMeters = maxSnapMeters;
        }

        void place(String id, Map<String, String> tags, double lat, double lon) {
            Optional<CategoryMapping.Rule> rule = mapping.resolve(tags);
            if (rule.isEmpty()) {
                return;
            }
            Optional<MergedNetwork.Snapped> snap = network.snap(lat, lon, maxSnapMeters);
            if (snap.isEmpty()) {
                unattached++;
                return;
            }
            String community = communities.member(communities.areas().communityAt(lat, lon), lat, lon);
            CategoryMapping.Rule r = rule.get();
            byCategory.merge(r.category(), 1, Integer::sum);
            if (r.category().equals(CategoryMapping.otherCategory(r.key()))) {
                unmapped.merge(r.key() + "=" + tags.get(r.key()), 1, Integer::sum);
            }
            String name = OsmIds.name(tags);
            if (name == null) {
                name = r.value().replace('_', ' ') + " (unnamed)";
            }
            boolean facility = r.facilityKind() != null;
            String brand = facility ? null : tags.get("brand");
            MergedNetwork.Snapped s = snap.get();
            rows.put(id, new PlaceRow(id, !facility, name, r.category(),
                    facility ? r.facilityKind().name() : null, brand, facility ? null : brand != null, null, null,
                    null, tags.get("opening_hours"), lat, lon, s.walkwayId(), s.offsetMeters(), s.snapMeters(),
                    community, null, r.key() + "=" + tags.get(r.key())));
        }
    }
}
