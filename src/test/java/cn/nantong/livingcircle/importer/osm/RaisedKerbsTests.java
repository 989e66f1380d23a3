package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raised kerbs on a hand-drawn file ({@code osm/kerbs.osm}): three footways each through a kerb node, raised,
 * untagged height, and lowered. None of the real extracts tags a single {@code barrier=kerb} node.
 */
class RaisedKerbsTests {

    @Test
    void aFootwayThroughARaisedOrUntaggedKerbIsMarkedAndOneThroughALoweredKerbIsNot() throws Exception {
        OsmExtract extract = OsmFileReader.read(Path.of(new ClassPathResource("osm/kerbs.osm").getURI()), n -> { });

        FileWalkways walkways = FileWalkways.cut(extract, Set.of());

        Map<Long, Boolean> kerbByWay = walkways.pieces().stream()
                .collect(Collectors.toMap(WalkwayPiece::osmWay, WalkwayPiece::raisedKerb, (a, b) -> a || b));
        assertThat(kerbByWay).containsExactlyInAnyOrderEntriesOf(Map.of(10L, true, 11L, true, 12L, false));
    }

    @Test
    void kerbHeightsAWheelchairCrosses() {
        assertThat(PedestrianWays.raisedKerb(Map.of("barrier", "kerb", "kerb", "raised"))).isTrue();
        assertThat(PedestrianWays.raisedKerb(Map.of("barrier", "kerb", "kerb", "regular"))).isTrue();
        assertThat(PedestrianWays.raisedKerb(Map.of("barrier", "kerb"))).isTrue();
        assertThat(PedestrianWays.raisedKerb(Map.of("barrier", "kerb", "kerb", "lowered"))).isFalse();
        assertThat(PedestrianWays.raisedKerb(Map.of("barrier", "kerb", "kerb", "flush"))).isFalse();
        assertThat(PedestrianWays.raisedKerb(Map.of("barrier", "gate"))).isFalse();
        assertThat(PedestrianWays.raisedKerb(null)).isFalse();
    }
}
