package cn.nantong.livingcircle.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares {@link WalkingSearch} and {@link PlaceLocator} against a deliberately naive reference on
 * random graphs, to the millimetre.
 *
 * <p>The reference does not share the engine's reasoning about "enter a segment through one of its
 * ends": it cuts every segment at every attachment point (sources and targets) into pieces, makes each
 * point a node of its own, and runs a textbook Dijkstra with a {@link PriorityQueue} of objects and
 * {@code long} distances over that explicit graph. Random graphs are small and dense on purpose, so
 * self-loops, parallel segments, zero-length segments, islands and attachments at offset 0 / len occur
 * in nearly every case; some graphs use huge lengths to probe int overflow.
 */
class WalkingSearchPropertyTests {

    private static final int GRAPHS = 50;
    private static final int UNREACHED = Integer.MAX_VALUE;

    static LongStream seeds() {
        return LongStream.range(0, GRAPHS).map(graph -> 0x5EED_0000L + graph);
    }

    @ParameterizedTest(name = "random graph, seed {0}")
    @MethodSource("seeds")
    void matchesANaiveReferenceDijkstraOnRandomGraphs(long seed) {
        Random random = new Random(seed);
        String label = "graph seed " + seed;
        boolean huge = random.nextInt(5) == 0;
        int n = 1 + random.nextInt(30);
        int m = 1 + random.nextInt(60);
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder();
        for (int j = 0; j < n; j++) {
            builder.addJunction(32.0 + random.nextDouble() * 0.01, 120.9 + random.nextDouble() * 0.01);
        }
        for (int s = 0; s < m; s++) {
            int length;
            if (random.nextInt(6) == 0) {
                length = 0;
            } else if (huge) {
                length = 200_000_000 + random.nextInt(1_000_000_000);
            } else {
                length = random.nextInt(20_001);
            }
            builder.addSegment(random.nextInt(n), random.nextInt(n), length);
        }
        WalkwayNetwork network = builder.build();

        // Targets double as places.
        int targetCount = 30;
        Attachment[] targets = new Attachment[targetCount];
        for (int i = 0; i < targetCount; i++) {
            targets[i] = randomAttachment(random, network);
        }
        int[] placeSegment = new int[targetCount];
        int[] placeOffset = new int[targetCount];
        for (int i = 0; i < targetCount; i++) {
            placeSegment[i] = targets[i].segment();
            placeOffset[i] = targets[i].offsetMillimetres();
        }
        PlaceLocator places = new PlaceLocator(network, placeSegment, placeOffset);
        WalkingSearch search = new WalkingSearch(network); // reused across runs on purpose

        for (int run = 0; run < 12; run++) {
            boolean multi = run % 3 == 2;
            Attachment[] sources = new Attachment[multi ? random.nextInt(5) : 1];
            boolean clustered = multi && random.nextBoolean(); // several sources on one segment
            for (int i = 0; i < sources.length; i++) {
                sources[i] = clustered && i > 0
                        ? randomAttachmentOn(random, network, sources[0].segment())
                        : randomAttachment(random, network);
            }
            int bound = randomBound(random, huge);
            String context = label + ", run " + run + ", sources " + List.of(sources) + ", bound " + bound;

            if (multi) {
                search.runFromSources(sources, bound);
            } else {
                search.run(sources[0], bound);
            }
            Reference reference = new Reference(network, sources, targets);

            int settledExpected = 0;
            for (int j = 0; j < n; j++) {
                long expected = reference.junction(j);
                settledExpected += expected <= bound ? 1 : 0;
                assertThat(search.junctionDistance(j)).as(context + ", junction " + j)
                        .isEqualTo(expected <= bound ? (int) expected : UNREACHED);
            }
            assertThat(search.settledCount()).as(context + ", settled").isEqualTo(settledExpected);

            int placeBound = random.nextBoolean() || bound == Integer.MAX_VALUE ? bound : random.nextInt(bound + 1);
            Map<Integer, Integer> expectedPlaces = new TreeMap<>();
            for (int i = 0; i < targetCount; i++) {
                long expected = reference.target(i);
                assertThat(search.distanceTo(targets[i])).as(context + ", target " + targets[i])
                        .isEqualTo(expected <= bound ? (int) expected : UNREACHED);
                if (expected <= placeBound) {
                    expectedPlaces.put(i, (int) expected);
                }
            }
            Map<Integer, Integer> actualPlaces = new TreeMap<>();
            List<Integer> calls = new ArrayList<>();
            places.forEachWithin(search, placeBound, (place, mm) -> {
                calls.add(place);
                actualPlaces.put(place, mm);
            });
            assertThat(actualPlaces).as(context + ", places within " + placeBound).isEqualTo(expectedPlaces);
            assertThat(calls).as(context + ", each place once").hasSize(expectedPlaces.size());
        }
    }

    private static Attachment randomAttachment(Random random, WalkwayNetwork network) {
        return randomAttachmentOn(random, network, random.nextInt(network.segmentCount()));
    }

    private static Attachment randomAttachmentOn(Random random, WalkwayNetwork network, int s) {
        int len = network.segmentMillimetres(s);
        int offset = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> len;
            default -> (int) (random.nextDouble() * ((long) len + 1));
        };
        return new Attachment(s, Math.min(offset, len));
    }

    private static int randomBound(Random random, boolean huge) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.MAX_VALUE;
            case 1 -> 0;
            default -> huge ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(60_000);
        };
    }

    /**
     * The naive reference: explicit graph with a node per junction and per distinct attachment point,
     * each segment cut into pieces between consecutive points along it, plain Dijkstra from all sources.
     */
    private static final class Reference {
        private record Edge(int to, long length) {
        }

        private record Entry(int node, long distance) {
        }

        private final List<List<Edge>> adjacency = new ArrayList<>();
        private final Map<Long, Integer> pointNode = new HashMap<>();
        private final int[] targetNode;
        private final long[] distance;

        Reference(WalkwayNetwork network, Attachment[] sources, Attachment[] targets) {
            for (int j = 0; j < network.junctionCount(); j++) {
                adjacency.add(new ArrayList<>());
            }
            // Points on each segment, by offset.
            Map<Integer, TreeMap<Integer, Integer>> pointsBySegment = new HashMap<>();
            List<Attachment> all = new ArrayList<>(List.of(sources));
            all.addAll(List.of(targets));
            for (Attachment a : all) {
                pointsBySegment.computeIfAbsent(a.segment(), k -> new TreeMap<>())
                        .computeIfAbsent(a.offsetMillimetres(), k -> {
                            adjacency.add(new ArrayList<>());
                            int node = adjacency.size() - 1;
                            pointNode.put(key(a), node);
                            return node;
                        });
            }
            for (int s = 0; s < network.segmentCount(); s++) {
                int previousNode = network.segmentFrom(s);
                long previousOffset = 0;
                TreeMap<Integer, Integer> points = pointsBySegment.getOrDefault(s, new TreeMap<>());
                for (Map.Entry<Integer, Integer> point : points.entrySet()) {
                    link(previousNode, point.getValue(), point.getKey() - previousOffset);
                    previousNode = point.getValue();
                    previousOffset = point.getKey();
                }
                link(previousNode, network.segmentTo(s), network.segmentMillimetres(s) - previousOffset);
            }

            distance = new long[adjacency.size()];
            java.util.Arrays.fill(distance, Long.MAX_VALUE);
            PriorityQueue<Entry> queue = new PriorityQueue<>((x, y) -> Long.compare(x.distance(), y.distance()));
            for (Attachment source : sources) {
                int node = pointNode.get(key(source));
                distance[node] = 0;
                queue.add(new Entry(node, 0));
            }
            while (!queue.isEmpty()) {
                Entry entry = queue.poll();
                if (entry.distance() > distance[entry.node()]) {
                    continue; // stale
                }
                for (Edge edge : adjacency.get(entry.node())) {
                    long candidate = entry.distance() + edge.length();
                    if (candidate < distance[edge.to()]) {
                        distance[edge.to()] = candidate;
                        queue.add(new Entry(edge.to(), candidate));
                    }
                }
            }
            targetNode = new int[targets.length];
            for (int i = 0; i < targets.length; i++) {
                targetNode[i] = pointNode.get(key(targets[i]));
            }
        }

        private void link(int a, int b, long length) {
            adjacency.get(a).add(new Edge(b, length));
            adjacency.get(b).add(new Edge(a, length));
        }

        private static long key(Attachment a) {
            return ((long) a.segment() << 32) | a.offsetMillimetres();
        }

        long junction(int j) {
            return distance[j];
        }

        long target(int i) {
            return distance[targetNode[i]];
        }
    }
}
