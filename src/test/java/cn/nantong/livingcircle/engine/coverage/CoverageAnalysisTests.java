package cn.nantong.livingcircle.engine.coverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.engine.coverage.CoverageAnalysis.Target;
import cn.nantong.livingcircle.engine.coverage.CoverageMath.CategoryFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Coverage, gaps, completeness, site suggestions and what-if on the {@link SmallTown} and on random grids. */
class CoverageAnalysisTests {

    private static final int MAX = CoverageIndex.UNREACHABLE;
    /** Basic: convenience store (5 min) and pharmacy (8 min); the library is quality tier (15 min). */
    private static final List<Target> TARGETS = List.of(new Target(SmallTown.CONVENIENCE, 5, true),
            new Target(SmallTown.LIBRARY, 15, false), new Target(SmallTown.PHARMACY, 8, true));

    private final CityNetwork town = SmallTown.build();
    private final CoverageIndex index = new CoverageIndex(town);

    @Test
    void oneMultiSourceSearchGivesEveryBuildingItsNearestPlaceInExactMetres() {
        assertThat(index.nearestMillimetres(SmallTown.PHARMACY))
                .containsExactly(150_000, 400_000, 700_000, 900_000, 1_500_000, MAX);
        assertThat(index.nearestMillimetres(SmallTown.CONVENIENCE))
                .containsExactly(850_000, 600_000, 300_000, 100_000, 500_000, MAX);
        assertThat(index.nearestMillimetres(SmallTown.LIBRARY)).containsExactly(MAX, MAX, MAX, MAX, MAX, 100_000);
    }

    @Test
    void buildingsBeyondEightMinutesOfAPharmacyAreTheGaps() {
        // 8 min at 5 km/h = 666.67 m: b0 (150 m) and b1 (400 m) reach it; b2 (700 m) just misses.
        long eightMinutes = CoverageMath.thresholdMillimetres(8, Pace.ADULT);
        assertThat(eightMinutes).isEqualTo(666_666);
        assertThat(CoverageAnalysis.gaps(index.allBuildings(), index.nearestMillimetres(SmallTown.PHARMACY),
                eightMinutes)).containsExactly(2, 3, 4, 5);
        // 10 minutes = 833.33 m lets b2 in; at the elderly pace 6 minutes are only 360 m, so b1 (400 m) drops out.
        assertThat(CoverageAnalysis.gaps(index.allBuildings(), index.nearestMillimetres(SmallTown.PHARMACY),
                CoverageMath.thresholdMillimetres(10, Pace.ADULT))).containsExactly(3, 4, 5);
        assertThat(CoverageAnalysis.gaps(index.allBuildings(), index.nearestMillimetres(SmallTown.PHARMACY),
                CoverageMath.thresholdMillimetres(6, Pace.ELDERLY))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void completenessIsTheResidentWeightedShareWithinTargetAveragedOverBasicCategories() {
        CoverageAnalysis.Result a = CoverageAnalysis.coverage(index, index.buildingsOf(0), Pace.ADULT, TARGETS);
        // Community A, 600 residents: pharmacy b0+b1 = 300 (50 %), convenience store within 416.67 m: b2 = 300 (50 %).
        assertThat(a.completeness()).isEqualTo(50.0);
        CoverageAnalysis.Result b = CoverageAnalysis.coverage(index, index.buildingsOf(1), Pace.ADULT, TARGETS);
        // Community B, 460 residents: pharmacy 0 %, convenience store b3 = 400 (86.96 %); the library is not basic.
        assertThat(b.completeness()).isCloseTo((0.0 + 100.0 * 400 / 460) / 2, within(1e-9));
        CategoryFigures pharmacyA = a.categories().get(2).figures();
        assertThat(pharmacyA.buildingsWithin()).isEqualTo(2);
        assertThat(pharmacyA.residentsWithin()).isEqualTo(300);
        assertThat(pharmacyA.medianMm()).isEqualTo(400_000);
        assertThat(pharmacyA.p90Mm()).isEqualTo(700_000);
        CategoryFigures pharmacyB = b.categories().get(2).figures();
        assertThat(pharmacyB.medianMm()).isEqualTo(1_500_000);
        assertThat(pharmacyB.p90Mm()).as("the island building reaches no pharmacy").isNull();
        assertThat(pharmacyB.unreachableBuildings()).isEqualTo(1);
    }

    @Test
    void bestPharmacySiteIsJunctionFourThenTheIsland() {
        List<SiteSelector.Site> sites = CoverageAnalysis.sites(index, SmallTown.PHARMACY, index.allBuildings(),
                CoverageMath.thresholdMillimetres(8, Pace.ADULT), 3);
        // J4 (x=1200) reaches b2 at 400 m, b3 at 200 m and b4 at 400 m: 750 residents; J3 misses b4 (700 m) and J5
        // misses b2 (700 m). Then only the island's b5 (10 residents) is left, reached from J7 and J8 alike.
        assertThat(sites).extracting(SiteSelector.Site::junction).containsExactly(SmallTown.J4, SmallTown.J7);
        assertThat(sites).extracting(SiteSelector.Site::residentsGained).containsExactly(750L, 10L);
        assertThat(sites.get(0).coveredBuildings()).containsExactly(2, 3, 4);
    }

    @Test
    void greedyFirstPickEqualsTheBestSingleSiteByExhaustiveSearch() {
        for (long seed = 1; seed <= 25; seed++) {
            CityNetwork city = randomGrid(seed);
            CoverageIndex random = new CoverageIndex(city);
            long radius = CoverageMath.thresholdMillimetres(8, Pace.ADULT);
            int[] uncovered = CoverageAnalysis.gaps(random.allBuildings(), random.nearestMillimetres(0), radius);
            List<SiteSelector.Site> sites = CoverageAnalysis.sites(random, 0, random.allBuildings(), radius, 3);

            // Exhaustive: a search from every junction, counting the uncovered residents it reaches.
            WalkingSearch search = new WalkingSearch(city.network());
            long bestResidents = 0;
            int bestJunction = -1;
            for (int j = 0; j < city.network().junctionCount(); j++) {
                search.run(SiteSelector.junctionAttachment(city.network(), j), (int) radius);
                long gain = 0;
                for (int b : uncovered) {
                    if (search.distanceTo(city.buildingAttachments()[b]) <= radius) {
                        gain += city.buildingResidents()[b];
                    }
                }
                if (gain > bestResidents) {
                    bestResidents = gain;
                    bestJunction = j;
                }
            }
            if (bestJunction < 0) {
                assertThat(sites).as("seed %d: nothing to gain", seed).isEmpty();
                continue;
            }
            assertThat(sites.get(0).residentsGained()).as("seed %d", seed).isEqualTo(bestResidents);
            search.run(SiteSelector.junctionAttachment(city.network(), sites.get(0).junction()), (int) radius);
            for (int b : sites.get(0).coveredBuildings()) {
                assertThat(search.distanceTo(city.buildingAttachments()[b])).isLessThanOrEqualTo((int) radius);
            }
        }
    }

    @Test
    void multiSourceDistancesEqualTheMinimumOverSingleSourceSearches() {
        for (long seed = 1; seed <= 10; seed++) {
            CityNetwork city = randomGrid(seed);
            CoverageIndex random = new CoverageIndex(city);
            int[] nearest = random.nearestMillimetres(0);
            WalkingSearch search = new WalkingSearch(city.network());
            for (int b = 0; b < city.buildingCount(); b++) {
                search.run(city.buildingAttachments()[b], Integer.MAX_VALUE);
                int best = MAX;
                for (int p : random.places(0)) {
                    best = Math.min(best, search.distanceTo(city.placeAttachment(p)));
                }
                assertThat(nearest[b]).as("seed %d building %d", seed, b).isEqualTo(best);
            }
        }
    }

    @Test
    void homesAreTheBuildingsWithinTwelveMinutesOfBothCategoriesRankedByTheirLongerWalk() {
        // nearest pharmacy 150, 400, 700, 900, 1500 m, none; nearest convenience store 850, 600, 300, 100, 500 m, none.
        // 12 min at 5 km/h = 1,000 m: b4 misses (pharmacy 1,500 m), b5 reaches nothing; the longer walks are
        // b0 850, b1 600, b2 700, b3 900.
        long twelveMinutes = CoverageMath.thresholdMillimetres(12, Pace.ADULT);
        int[][] nearest = {index.nearestMillimetres(SmallTown.PHARMACY), index.nearestMillimetres(SmallTown.CONVENIENCE)};

        CoverageAnalysis.Home[] homes = CoverageAnalysis.homes(index.allBuildings(), nearest,
                new long[] {twelveMinutes, twelveMinutes});

        assertThat(homes).containsExactly(new CoverageAnalysis.Home(1, 600_000), new CoverageAnalysis.Home(2, 700_000),
                new CoverageAnalysis.Home(0, 850_000), new CoverageAnalysis.Home(3, 900_000));
    }

    @Test
    void homesEqualABruteForceSearchFromEveryBuilding() {
        int compared = 0;
        for (long seed = 1; seed <= 10; seed++) {
            CityNetwork city = randomGrid(seed, 3, 9);
            CoverageIndex random = new CoverageIndex(city);
            long[] limits = {CoverageMath.thresholdMillimetres(8, Pace.ADULT),
                    CoverageMath.thresholdMillimetres(10, Pace.ADULT), CoverageMath.thresholdMillimetres(6, Pace.ADULT)};
            int[][] nearest = {random.nearestMillimetres(0), random.nearestMillimetres(1), random.nearestMillimetres(2)};

            CoverageAnalysis.Home[] homes = CoverageAnalysis.homes(random.allBuildings(), nearest, limits);

            // brute force: one single-source search per building, every place looked at
            List<long[]> expected = new java.util.ArrayList<>();
            WalkingSearch search = new WalkingSearch(city.network());
            for (int b = 0; b < city.buildingCount(); b++) {
                search.run(city.buildingAttachments()[b], Integer.MAX_VALUE);
                long[] best = {MAX, MAX, MAX};
                for (int p = 0; p < city.placeCount(); p++) {
                    int c = city.placeCategory()[p];
                    best[c] = Math.min(best[c], search.distanceTo(city.placeAttachment(p)));
                }
                if (best[0] <= limits[0] && best[1] <= limits[1] && best[2] <= limits[2]) {
                    expected.add(new long[] {Math.max(best[0], Math.max(best[1], best[2])), b});
                }
            }
            expected.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            assertThat(homes).as("seed %d", seed).hasSize(expected.size());
            for (int i = 0; i < homes.length; i++) {
                assertThat(new long[] {homes[i].worstMillimetres(), homes[i].building()}).as("seed %d rank %d", seed, i)
                        .containsExactly(expected.get(i));
            }
            compared += homes.length;
        }
        assertThat(compared).as("the limits leave some homes on the random grids").isGreaterThan(20);
    }

    @Test
    void whatIfAddsAndRemovesInMemoryOnly() {
        Attachment atJ4 = SiteSelector.junctionAttachment(town.network(), SmallTown.J4);
        CoverageAnalysis.WhatIf added = CoverageAnalysis.whatIf(index, index.allBuildings(), Pace.ADULT, TARGETS,
                Map.of(SmallTown.PHARMACY, List.of(atJ4)), null);
        assertThat(added.changedCategories()).containsExactly(SmallTown.PHARMACY);
        assertThat(added.before().categories().get(2).figures().residentsWithin()).isEqualTo(300);
        assertThat(added.after().categories().get(2).figures().residentsWithin()).isEqualTo(1050);
        assertThat(added.after().categories().get(0).figures())
                .as("other categories untouched").isEqualTo(added.before().categories().get(0).figures());
        // The cached distances still describe the real town.
        assertThat(index.nearestMillimetres(SmallTown.PHARMACY)[3]).isEqualTo(900_000);

        boolean[] removed = new boolean[town.placeCount()];
        removed[town.placeIndex().get("p-pharmacy")] = true;
        CoverageAnalysis.WhatIf closed = CoverageAnalysis.whatIf(index, index.allBuildings(), Pace.ADULT, TARGETS,
                Map.of(), removed);
        assertThat(closed.after().categories().get(2).figures().residentsWithin()).isZero();
        assertThat(closed.after().categories().get(2).figures().unreachableBuildings()).isEqualTo(6);
    }

    /** A 7×7 grid with random block lengths, 40 buildings and 3 places of category 0 at random points. */
    static CityNetwork randomGrid(long seed) {
        return randomGrid(seed, 1, 3);
    }

    /**
     * The same grid with {@code placeCount} places at random points, of {@code categories} categories drawn at
     * random (with one category, the random sequence is that of the three-place grid the other tests use).
     */
    static CityNetwork randomGrid(long seed, int categories, int placeCount) {
        Random random = new Random(seed);
        int side = 7;
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                builder.addJunction(32.0 + r * 0.002, 120.8 + c * 0.002);
            }
        }
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int j = r * side + c;
                if (c + 1 < side && random.nextInt(10) > 0) {
                    builder.addSegment(j, j + 1, 80_000 + random.nextInt(220_000));
                }
                if (r + 1 < side && random.nextInt(10) > 0) {
                    builder.addSegment(j, j + side, 80_000 + random.nextInt(220_000));
                }
            }
        }
        WalkwayNetwork network = builder.build();
        int buildings = 40;
        Attachment[] attachments = new Attachment[buildings];
        int[] residents = new int[buildings];
        String[] ids = new String[buildings];
        for (int b = 0; b < buildings; b++) {
            attachments[b] = randomPoint(network, random);
            residents[b] = 10 + random.nextInt(300);
            ids[b] = "b" + b;
        }
        int places = placeCount;
        int[] segment = new int[places];
        int[] offset = new int[places];
        int[] category = new int[places];
        String[] placeIds = new String[places];
        for (int p = 0; p < places; p++) {
            Attachment a = randomPoint(network, random);
            segment[p] = a.segment();
            offset[p] = a.offsetMillimetres();
            category[p] = categories == 1 ? 0 : random.nextInt(categories);
            placeIds[p] = "p" + p;
        }
        String[] codes = new String[categories];
        Map<String, Integer> categoryIndex = new HashMap<>();
        for (int c = 0; c < categories; c++) {
            codes[c] = c == 0 ? "pharmacy" : "category-" + c;
            categoryIndex.put(codes[c], c);
        }
        Map<String, Integer> buildingIndex = new HashMap<>();
        for (int b = 0; b < buildings; b++) {
            buildingIndex.put(ids[b], b);
        }
        Map<String, Integer> placeIndex = new HashMap<>();
        for (int p = 0; p < places; p++) {
            placeIndex.put(placeIds[p], p);
        }
        String[] walkwayIds = new String[network.segmentCount()];
        for (int s = 0; s < walkwayIds.length; s++) {
            walkwayIds[s] = "w" + s;
        }
        return new CityNetwork("grid-" + seed, network, new SegmentSnapper(network), walkwayIds, ids, attachments,
                residents, new int[buildings], new int[buildings], new String[] {"c"}, placeIds, category,
                new boolean[places], codes, new PlaceLocator(network, segment, offset),
                buildingIndex, placeIndex, Map.of("c", 0), categoryIndex);
    }

    private static Attachment randomPoint(WalkwayNetwork network, Random random) {
        int s = random.nextInt(network.segmentCount());
        return new Attachment(s, random.nextInt(network.segmentMillimetres(s) + 1));
    }
}
