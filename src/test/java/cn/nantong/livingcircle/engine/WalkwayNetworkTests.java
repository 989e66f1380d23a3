package cn.nantong.livingcircle.engine;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkwayNetworkTests {

    @Test
    void builderHandsOutDenseIndices() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder(1, 1);
        for (int i = 0; i < 100; i++) {
            assertThat(b.addJunction(32.0, 120.9 + i * 1e-4)).isEqualTo(i);
        }
        for (int i = 0; i < 99; i++) {
            assertThat(b.addSegment(i, i + 1, 1_000 * i)).isEqualTo(i);
        }
        WalkwayNetwork network = b.build();

        assertThat(network.junctionCount()).isEqualTo(100);
        assertThat(network.segmentCount()).isEqualTo(99);
        assertThat(network.edgeCount()).isEqualTo(198);
        assertThat(network.junctionLon(42)).isEqualTo(120.9 + 42 * 1e-4);
        assertThat(network.segmentFrom(7)).isEqualTo(7);
        assertThat(network.segmentTo(7)).isEqualTo(8);
        assertThat(network.segmentMillimetres(7)).isEqualTo(7_000);
    }

    @Test
    void everySegmentIsWalkableInBothDirections() {
        // A --s0-- B --s1-- C, plus a self-loop s2 at B
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.900);
        int m = b.addJunction(32.0, 120.901);
        int c = b.addJunction(32.0, 120.902);
        b.addSegment(a, m, 100);
        b.addSegment(m, c, 200);
        b.addSegment(m, m, 300);
        WalkwayNetwork network = b.build();

        assertThat(edgesOf(network, a)).containsExactly("0->1 100mm s0");
        assertThat(edgesOf(network, c)).containsExactly("2->1 200mm s1");
        assertThat(edgesOf(network, m)).containsExactlyInAnyOrder(
                "1->0 100mm s0", "1->2 200mm s1", "1->1 300mm s2", "1->1 300mm s2");
    }

    private static List<String> edgesOf(WalkwayNetwork network, int j) {
        List<String> edges = new ArrayList<>();
        for (int e = network.firstEdge(j); e < network.firstEdge(j + 1); e++) {
            edges.add(j + "->" + network.edgeTarget(e) + " " + network.edgeMillimetres(e) + "mm s" + network.edgeSegment(e));
        }
        return edges;
    }

    @Test
    void straightSegmentShapeIsItsTwoJunctions() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.900);
        int z = b.addJunction(32.1, 120.901);
        int s = b.addSegment(a, z, 100);
        WalkwayNetwork network = b.build();

        assertThat(network.segmentShape(s)).containsExactly(32.0, 120.900, 32.1, 120.901);
        assertThat(network.segmentShapePointCount(s)).isEqualTo(2);
    }

    @Test
    void polylineShapeKeepsInteriorPointsAndUsesTheJunctionsAsEnds() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.900);
        int z = b.addJunction(32.1, 120.901);
        b.addSegment(a, z, 100);
        // Source data ends differ from the junctions in the last digits: the junction positions win.
        int s = b.addSegment(z, a, new double[] {32.1000001, 120.901, 32.05, 120.95, 32.06, 120.96, 32.0, 120.9000001}, 500);
        WalkwayNetwork network = b.build();

        assertThat(network.segmentShape(s)).containsExactly(32.1, 120.901, 32.05, 120.95, 32.06, 120.96, 32.0, 120.900);
        assertThat(network.segmentShapePointCount(s)).isEqualTo(4);
        assertThat(network.segmentShapeLat(s, 2)).isEqualTo(32.06);
        assertThat(network.segmentShape(0)).containsExactly(32.0, 120.900, 32.1, 120.901);
    }

    @Test
    void builderStaysUsableAfterBuild() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        b.addJunction(32.0, 120.9);
        WalkwayNetwork first = b.build();
        b.addJunction(32.1, 120.9);
        b.addSegment(0, 1, 5);

        assertThat(first.junctionCount()).isEqualTo(1);
        assertThat(first.segmentCount()).isZero();
        assertThat(b.build().segmentCount()).isEqualTo(1);
    }

    @Test
    void rejectsInvalidInput() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        b.addJunction(32.0, 120.9);
        b.addJunction(32.1, 120.9);

        assertThatThrownBy(() -> b.addJunction(91.0, 120.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addJunction(Double.NaN, 120.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addSegment(0, 2, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addSegment(0, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addSegment(0, 1, new double[] {32.0, 120.9}, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addSegment(0, 1, new double[] {32.0, 120.9, 32.05}, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(b.segmentCount()).isZero();
    }
}
