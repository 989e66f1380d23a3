package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision on trunk roads, on the real Krems extract: a {@code highway=trunk} or {@code trunk_link} is walkable
 * only with an explicit {@code foot} permission or a sidewalk tag. Krems' trunk roads are the B3/B37 expressways
 * and their ramps: motor traffic at 70–100 km/h with no footway, which a resident does not walk along; where a
 * pedestrian can walk beside one, OSM maps a separate footway or a sidewalk, and those are walkable. (GraphHopper's
 * foot profile admits trunk roads; this is one of the differences the agreement test names.)
 */
class TrunkRoadsOnKremsTests {

    private static final Set<String> TRUNK = Set.of("trunk", "trunk_link");
    private static final Set<String> FOOT_YES = Set.of("yes", "designated", "permissive", "official");
    private static final Set<String> SIDEWALK = Set.of("yes", "both", "left", "right");

    @Test
    void aTrunkRoadOfKremsIsWalkableExactlyWhenItHasAFootPermissionOrASidewalk() {
        OsmExtract krems = OsmFileReader.read(OsmGraphHopperAgreementIT.KREMS, n -> { });
        List<Map<String, String>> trunks = krems.ways.stream().map(OsmExtract.Way::tags)
                .filter(t -> TRUNK.contains(t.getOrDefault("highway", ""))).toList();
        List<Map<String, String>> withFootOrSidewalk = trunks.stream()
                .filter(t -> FOOT_YES.contains(t.getOrDefault("foot", ""))
                        || SIDEWALK.contains(t.getOrDefault("sidewalk", "")))
                .toList();

        // the extract's 68 trunk and 33 trunk_link ways (counted with grep in the file)
        assertThat(trunks).hasSize(101);
        assertThat(trunks).filteredOn(PedestrianWays::walkable).containsExactlyInAnyOrderElementsOf(withFootOrSidewalk);
        assertThat(trunks.size() - withFootOrSidewalk.size()).as("trunk ways left out of the walkway network")
                .isGreaterThan(0);
    }

    @Test
    void theSameRoadWithASidewalkOrAFootPermissionIsWalkable() {
        assertThat(PedestrianWays.walkable(Map.of("highway", "trunk"))).isFalse();
        assertThat(PedestrianWays.walkable(Map.of("highway", "trunk", "sidewalk", "right"))).isTrue();
        assertThat(PedestrianWays.walkable(Map.of("highway", "trunk_link", "foot", "yes"))).isTrue();
        assertThat(PedestrianWays.walkable(Map.of("highway", "trunk", "sidewalk", "no"))).isFalse();
    }
}
