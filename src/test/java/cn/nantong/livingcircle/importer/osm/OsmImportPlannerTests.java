package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.community.BuildingRow;
import cn.nantong.livingcircle.community.CommunityWriter.CommunityRow;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter;
import cn.nantong.livingcircle.network.WalkwayWriter.JunctionRow;
import cn.nantong.livingcircle.network.WalkwayWriter.WalkwayRow;
import cn.nantong.livingcircle.place.PlaceRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walkway network, attachments and walking distances the planner derives from a hand-drawn OSM file
 * ({@code src/test/resources/osm/hand-drawn.osm}), on the equator where 0.0001° = 11.1195 m in both directions.
 *
 * <pre>
 *  lat
 *  0.003   H ----------------- I        way 15 footway: an island of 111 m (also way 16, a motorway: not walkable)
 *
 *  0.0012                   [X]          building X (way 200), centroid (0.0012, 0.0009)
 *  0.001   A ========== G ==== B        way 10 highway=steps oneway=yes drawn B -> G -> A (G at lon 0.0007)
 *          |            ‖      |        ways 11 (A-C) and 12 (B-D) footways
 *  0.0001  |      P     ‖      |        P shop=convenience at (0.0001, 0.0005): projects onto the middle of C-D
 *  0.0     C -----------‖----- D        way 13 residential C-D, crossed by the bridge at lon 0.0007 WITHOUT a shared node
 * -0.0002 [Y]           ‖               building Y (way 300), centroid (-0.0002, 0.0001)
 * -0.001                E               way 14 footway bridge=yes E -> G
 * -0.00105              Q               Q shop=bakery (snaps onto E)
 *  lon     0    0.0005 0.0007  0.001
 * </pre>
 */
class OsmImportPlannerTests {

    private static OsmExtract extract;
    private static CategoryMapping mapping;
    private static OsmImportPlan plan;

    @BeforeAll
    static void planHandDrawnTown() throws Exception {
        extract = OsmFileReader.read(Path.of(new ClassPathResource("osm/hand-drawn.osm").getURI()), n -> {
        });
        Set<String> codes = Set.of("convenience_store", "small_supermarket", "supermarket", "wet_market",
                "fresh_food", "breakfast", "pharmacy", "laundry", "hair_beauty", "repair", "photo_print",
                "parcel_point", "recycling_point", "elderly_care", "childcare", "fitness", "bookstore", "library",
                "specialty_dining", "cafe", "pet_services", "education_training", "health_wellness", "clinic",
                "leisure_entertainment", "community_service");
        mapping = CategoryMapping.read(new FileSystemResource("neo4j/osm/category-mapping.csv"), codes);
        plan = plan(new ExistingGraph());
    }

    private static OsmImportPlan plan(ExistingGraph graph) {
        return new OsmImportPlanner(extract, graph, mapping, new OsmImportPlanner.Settings(500, 500, 3000,
                Millimetres.limit(Pace.ADULT.meters(20))), "hand-drawn").plan(ids -> Map.of());
    }

    @Test
    void waysAreSplitAtSharedNodesWithHaversineLengths() {
        // Steps B-G-A split at G (shared with the bridge): 0.0003 deg = 33.359 m and 0.0007 deg = 77.837 m.
        assertThat(walkwayMeters()).containsExactlyInAnyOrderEntriesOf(Map.of("osm-w10-0", 33.359, "osm-w10-1", 77.837,
                "osm-w11-0", 111.195, "osm-w12-0", 111.195, "osm-w13-0", 111.195, "osm-w14-0", 222.39));
        assertThat(plan.walkwayCreates()).filteredOn(w -> w.id().equals("osm-w13-0")).singleElement()
                .satisfies(w -> assertThat(w.shape()).isEqualTo(List.of(0.0, 0.0, 0.0, 0.001)));
    }

    @Test
    void oneWayStepsAreWalkedAgainstTheirDirection() {
        // X sits on B-G 11.120 m from B; the steps are drawn B -> G -> A with oneway=yes, so walking X -> B goes
        // against it: 11.120 (X-B) + 111.195 (B-D) + 55.597 (D-P) = 177.912 m. Honouring oneway would force
        // X -> G -> A -> C -> P = 22.239 + 77.837 + 111.195 + 55.598 = 266.869 m.
        assertThat(edge("osm-w200", "osm-n100")).isEqualTo(177.912);
    }

    @Test
    void bridgeCrossingWithoutSharedNodeIsNotAJunction() {
        // Y (11.119 m from C on C-D) to Q (at E, the bridge's foot): C, A, G, then down the bridge:
        // 11.119 + 111.195 + 77.837 + 222.39 = 422.541 m. A junction at the crossing would give 66.717 + 111.195.
        assertThat(edge("osm-w300", "osm-n101")).isEqualTo(422.541);
        assertThat(plan.junctions()).extracting(JunctionRow::id)
                .containsExactlyInAnyOrder("osm-n1", "osm-n2", "osm-n3", "osm-n4", "osm-n5", "osm-n6");
    }

    @Test
    void smallIslandIsDroppedAndReported() {
        assertThat(plan.stats().islandsDropped()).isEqualTo(1);
        assertThat(plan.stats().walkwaysDropped()).isEqualTo(1);
        assertThat(walkwayMeters()).doesNotContainKey("osm-w15-0").doesNotContainKey("osm-w16-0");
    }

    @Test
    void poiProjectsOntoTheMiddleOfItsSegment() {
        PlaceRow p = place("osm-n100");
        assertThat(p.walkwayId()).isEqualTo("osm-w13-0");
        // Half of 111.195 m (111,195 mm: 55,597.5 rounds up), 0.0001 deg = 11.120 m off the street.
        assertThat(p.offsetMeters()).isEqualTo(55.598);
        assertThat(p.snapMeters()).isCloseTo(11.1195, org.assertj.core.data.Offset.offset(0.001));
        // Y is on the same segment 11.119 m from C: 55.598 - 11.119 = 44.479 m, without touching a junction.
        assertThat(edge("osm-w300", "osm-n100")).isEqualTo(44.479);
    }

    @Test
    void buildingsGetCentroidEstimateAndFallbackCommunity() {
        BuildingRow x = plan.buildingWrites().stream().filter(b -> b.id().equals("osm-w200"))
                .findFirst().orElseThrow();
        // 11.12 m x 11.12 m = 123.6 m2, 6 levels: 123.6 * 6 * 0.75 / 90 = 6.18 -> 6 households, 6 * 2.62 -> 16.
        assertThat(x).extracting(BuildingRow::footprintSquareMeters, BuildingRow::households,
                BuildingRow::residents, BuildingRow::walkwayId, BuildingRow::offsetMeters, BuildingRow::communityId)
                .containsExactly(123.6, 6, 16, "osm-w10-0", 11.12, "osm-hand-drawn");
        assertThat(plan.communities()).extracting(CommunityRow::id).containsExactly("osm-hand-drawn");
    }

    @Test
    void aPoiNoRowMapsIsImportedIntoItsKeysOtherCategoryAndCounted() {
        assertThat(plan.stats().unmappedPois()).isEqualTo(1);
        assertThat(plan.stats().unmappedTop()).containsEntry("amenity=bench", 1);
        assertThat(plan.stats().placesByCategory())
                .isEqualTo(Map.of("convenience_store", 1, "breakfast", 1, "other_amenity", 1));
        assertThat(plan.placeWrites()).filteredOn(p -> p.category().equals("other_amenity")).singleElement()
                .satisfies(p -> {
                    assertThat(p.osmTag()).isEqualTo("amenity=bench");
                    assertThat(p.outlet()).isTrue();
                });
    }

    @Test
    void storedCsvRowsAreReattachedKeepingTheirOtherFields() {
        // A CSV shop at P's position and a CSV building at Y's, attached to a walkway the graph no longer holds.
        ExistingGraph graph = new ExistingGraph();
        PlaceRow shop = new PlaceRow("csv-p1", true, "Corner shop", "convenience_store", null, "Brand", true, true,
                2023, 80.0, "08:00-20:00", 0.0001, 0.0005, "csv-w9", 1.0, 2.0, "csv-c1", "csv-cc1", null);
        BuildingRow block = new BuildingRow("csv-b1", "csv-c1", "Block 1", 40, 105, -0.0002, 0.0001, "csv-w9", 0.0,
                5.0, null, null, null);
        graph.places.put(shop.id(), shop);
        graph.buildings.put(block.id(), block);

        OsmImportPlan withCsv = plan(graph);

        PlaceRow written = withCsv.placeWrites().stream().filter(p -> p.id().equals("csv-p1")).findFirst()
                .orElseThrow();
        assertThat(written.walkwayId()).isEqualTo("osm-w13-0");
        assertThat(written.offsetMeters()).isEqualTo(55.598);
        assertThat(written.withAttachment("csv-w9", 1.0, 2.0)).isEqualTo(shop);
        BuildingRow building = withCsv.buildingWrites().stream().filter(b -> b.id().equals("csv-b1")).findFirst()
                .orElseThrow();
        assertThat(building.walkwayId()).isEqualTo("osm-w13-0");
        assertThat(building.withAttachment("csv-w9", 0.0, 5.0)).isEqualTo(block);
        // The shop shares P's attachment, so the block (about 11.12 m from C along C-D) reaches both equally.
        Map<String, Double> fromBlock = withCsv.walkingEdgeCreates().stream()
                .filter(e -> e.buildingId().equals("csv-b1")).flatMap(e -> e.targets().stream())
                .collect(Collectors.toMap(WalkingEdgeWriter.Target::placeId, WalkingEdgeWriter.Target::meters));
        assertThat(fromBlock.get("csv-p1")).isEqualTo(fromBlock.get("osm-n100"))
                .isCloseTo(44.479, org.assertj.core.data.Offset.offset(0.002));
        assertThat(withCsv.touchedCommunities()).contains("csv-c1");
        assertThat(withCsv.buildingDeletes()).isEmpty();
        assertThat(withCsv.placeDeletes()).isEmpty();
    }

    private static Map<String, Double> walkwayMeters() {
        return plan.walkwayCreates().stream().collect(Collectors.toMap(WalkwayRow::id, WalkwayRow::lengthMeters));
    }

    private static PlaceRow place(String id) {
        return plan.placeWrites().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static double edge(String building, String place) {
        return plan.walkingEdgeCreates().stream().filter(r -> r.buildingId().equals(building))
                .flatMap(r -> r.targets().stream())
                .filter(t -> t.placeId().equals(place)).map(WalkingEdgeWriter.Target::meters).findFirst()
                .orElseThrow();
    }
}
