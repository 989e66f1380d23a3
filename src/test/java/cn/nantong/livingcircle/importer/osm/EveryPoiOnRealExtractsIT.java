package cn.nantong.livingcircle.importer.osm;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.network.CityNetworkService;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every POI of the map is imported: on each of the three real extracts, the test reads the file itself (StAX, no
 * code of the importer) and lists every node, and every closed way, carrying a {@code shop}, {@code amenity},
 * {@code healthcare}, {@code leisure}, {@code tourism}, {@code office} or {@code craft} key; after the import each
 * must be a place, except those with no walkway within the maximum snap distance (500 m), which the test checks
 * itself with the network's snapper. A place no mapping row matches must be in its key's {@code other_*} category.
 *
 * <p>Measured: printed as {@code every POI <extract>: ...}.
 */
@OsmApplicationIT
class EveryPoiOnRealExtractsIT {

    private static final List<String> POI_KEYS = List.of("shop", "amenity", "healthcare", "leisure", "tourism",
            "office", "craft");

    @Autowired
    OsmImporter importer;

    @Autowired
    CityNetworkService networks;

    @Autowired
    Driver driver;

    @Test
    void everyPoiOfHaidianIsImported() throws Exception {
        check("Haidian", OsmImportIT.HAIDIAN);
    }

    @Test
    void everyPoiOfMonacoIsImportedAndASemicolonListIsDecidedByItsFirstMappedValue() throws Exception {
        Map<String, Map<String, Object>> places = check("Monaco", OsmImportIT.MONACO);
        // shop=convenience;doityourself: a convenience store that keeps its second value
        assertThat(places.values()).filteredOn(p -> "shop=convenience;doityourself".equals(p.get("osmTag")))
                .hasSize(1).allSatisfy(p -> assertThat(p.get("category")).isEqualTo("convenience_store"));
    }

    @Test
    void everyPoiOfKremsIsImported() throws Exception {
        check("Krems", OsmGraphHopperAgreementIT.KREMS);
    }

    /** Imports the file and checks its POIs; returns the imported ones by id. */
    private Map<String, Map<String, Object>> check(String name, Path file) throws Exception {
        Poi[] pois = read(file).toArray(Poi[]::new);
        importer.importFile(file);
        CityNetwork city = networks.current();
        Map<String, Map<String, Object>> imported = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("MATCH (p:Place) WHERE p.id IN $ids RETURN p.id AS id, p.category AS category,"
                            + " p.osmTag AS osmTag, p.name AS name",
                    Map.of("ids", java.util.Arrays.stream(pois).map(Poi::id).toList()))
                    .forEachRemaining(r -> imported.put(r.get("id").asString(), r.asMap()));
        }
        List<String> unexplained = new ArrayList<>();
        int tooFar = 0;
        // what the island rule changes: the same POIs snapped with and without it
        SegmentSnapper withoutIslandRule = new SegmentSnapper(city.network(), 0);
        int movedOffIslands = 0;
        Map<String, Integer> other = new TreeMap<>();
        for (Poi poi : pois) {
            var ruled = city.snapper().snap(poi.lat(), poi.lon(), 500);
            var nearest = withoutIslandRule.snap(poi.lat(), poi.lon(), 500);
            if (ruled.isPresent() && nearest.isPresent()
                    && ruled.get().attachment().segment() != nearest.get().attachment().segment()) {
                assertThat(city.snapper().onIsland(nearest.get().attachment().segment())).isTrue();
                assertThat(city.snapper().onIsland(ruled.get().attachment().segment())).isFalse();
                movedOffIslands++;
            }
            Map<String, Object> place = imported.get(poi.id());
            if (place == null) {
                if (city.snapper().snap(poi.lat(), poi.lon(), 500).isEmpty()) {
                    tooFar++;
                } else {
                    unexplained.add(poi.id() + " " + poi.tags());
                }
                continue;
            }
            String category = (String) place.get("category");
            if (category.startsWith("other_")) {
                String key = category.substring("other_".length());
                assertThat(poi.tags()).as("%s is in the other category of a key it carries", poi.id())
                        .containsKey(key);
                other.merge(category, 1, Integer::sum);
            }
            assertThat((String) place.get("name")).isNotBlank();
        }
        System.out.println("every POI " + name + ": " + pois.length + " in the file, " + imported.size()
                + " imported, " + tooFar + " farther than 500 m from every walkway, in other_*: " + other
                + "; the island rule moves " + movedOffIslands + " of them off an island onto the connected network");
        assertThat(unexplained).as("POIs neither imported nor too far from every walkway").isEmpty();
        assertThat(imported.size() + tooFar).isEqualTo(pois.length);
        return imported;
    }

    private record Poi(String id, double lat, double lon, Map<String, String> tags) {
    }

    /** Every node and closed way with a POI key, ways at the mean of their distinct nodes. */
    private static List<Poi> read(Path file) throws Exception {
        Map<Long, double[]> nodes = new HashMap<>();
        List<Poi> pois = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            String element = null;
            long id = 0;
            double lat = 0;
            double lon = 0;
            Map<String, String> tags = new LinkedHashMap<>();
            List<Long> refs = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    switch (local) {
                        case "node", "way", "relation" -> {
                            element = local;
                            id = Long.parseLong(xml.getAttributeValue(null, "id"));
                            tags = new LinkedHashMap<>();
                            refs = new ArrayList<>();
                            if (local.equals("node")) {
                                lat = Double.parseDouble(xml.getAttributeValue(null, "lat"));
                                lon = Double.parseDouble(xml.getAttributeValue(null, "lon"));
                                nodes.put(id, new double[] {lat, lon});
                            }
                        }
                        case "tag" -> tags.put(xml.getAttributeValue(null, "k"), xml.getAttributeValue(null, "v"));
                        case "nd" -> refs.add(Long.parseLong(xml.getAttributeValue(null, "ref")));
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = xml.getLocalName();
                    boolean poi = POI_KEYS.stream().anyMatch(tags::containsKey);
                    if (local.equals("node") && poi) {
                        pois.add(new Poi(OsmIds.node(id), lat, lon, tags));
                    } else if (local.equals("way") && poi && refs.size() >= 4
                            && refs.get(0).equals(refs.get(refs.size() - 1))) {
                        double sumLat = 0;
                        double sumLon = 0;
                        for (Long ref : refs.subList(1, refs.size())) {
                            sumLat += nodes.get(ref)[0];
                            sumLon += nodes.get(ref)[1];
                        }
                        int n = refs.size() - 1;
                        pois.add(new Poi(OsmIds.way(id), sumLat / n, sumLon / n, tags));
                    }
                    if (local.equals(element)) {
                        element = null;
                    }
                }
            }
        }
        return pois;
    }
}
