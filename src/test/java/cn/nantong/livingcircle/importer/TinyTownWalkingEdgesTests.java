package cn.nantong.livingcircle.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.engine.WalkingEdges;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's precomputation on the hand-drawn town in {@code src/test/resources/datasets/tiny/}:
 *
 * <pre>
 *  B1,J1 ---100--- J2 ---P1(mid)--- J3          J6 ---80--- J7   (island, P4 in the middle)
 *    |                 100 m          |
 *   300          B2 at 150 m         50
 *    |                                |
 *    J4 -------- P3 (mid) -------- J5,P2
 *               400 m
 * </pre>
 *
 * Lengths are the {@code length_m} column; the drawn geometry only places points for snapping.
 */
class TinyTownWalkingEdgesTests {

    private static CsvDataset data;
    private static Map<String, Double> metres;

    @BeforeAll
    static void importTinyTown() {
        data = CsvDataset.read(new DefaultResourceLoader(), "classpath:datasets/tiny/",
                Set.of("pharmacy", "convenience_store", "supermarket", "clinic"));
        PreparedDataset prepared = PreparedDataset.prepare(data, new WalkingProperties(20, 500, 3000));
        List<String> places = List.of("p1", "p2", "p3", "p4");
        metres = new HashMap<>();
        WalkingEdges edges = prepared.edges();
        for (int b = 0; b < data.buildings().size(); b++) {
            for (int e = edges.first()[b]; e < edges.first()[b + 1]; e++) {
                metres.put(data.buildings().get(b).id() + "->" + places.get(edges.place()[e]),
                        edges.millimetres()[e] / 1000.0);
            }
        }
    }

    @Test
    void buildingAtJunctionReachesPlaceMidSegmentAlongTheShortPath() {
        assertThat(metres.get("b1->p1")).isEqualTo(150.0);
    }

    @Test
    void shortestOfTwoRoutesIsChosen() {
        // B1 -> J2 -> J3 -> J5 = 250 m beats B1 -> J4 -> J5 = 700 m
        assertThat(metres.get("b1->p2")).isEqualTo(250.0);
        // P3 halfway along J4-J5: via J5 (250 + 200) beats via J4 (300 + 200)
        assertThat(metres.get("b1->p3")).isEqualTo(450.0);
    }

    @Test
    void buildingProjectedOntoTheMiddleOfASegmentWalksFromItsProjection() {
        assertThat(metres.get("b2->p1")).isEqualTo(300.0);
        assertThat(metres.get("b2->p2")).isEqualTo(400.0);
        assertThat(metres.get("b2->p3")).isEqualTo(350.0);
    }

    @Test
    void placeOnADisconnectedIslandIsNeverReached() {
        assertThat(metres).doesNotContainKeys("b1->p4", "b2->p4");
        assertThat(metres).hasSize(6);
    }
}
