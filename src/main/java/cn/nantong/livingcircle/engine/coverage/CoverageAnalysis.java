package cn.nantong.livingcircle.engine.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.coverage.CoverageMath.CategoryFigures;

/**
 * Coverage, gaps, site suggestions and what-if over a {@link CoverageIndex}: the analytics without Spring, Neo4j or
 * GraphQL, so they can be checked on hand-built towns. Buildings are dense indices of the index's
 * {@link cn.nantong.livingcircle.engine.CityNetwork}; categories are indices into its {@code categoryCodes}.
 */
public final class CoverageAnalysis {

    private CoverageAnalysis() {
    }

    /** A category to evaluate with its target time; {@code basic} ones enter the completeness score. */
    public record Target(int category, int minutes, boolean basic) {
    }

    /** Figures of one category against its target. */
    public record CategoryResult(Target target, long thresholdMm, CategoryFigures figures) {
    }

    /** Coverage of a set of buildings for every requested category, with the completeness score (0–100). */
    public record Result(List<CategoryResult> categories, double completeness) {
    }

    public static Result coverage(CoverageIndex index, int[] buildings, Pace pace, List<Target> targets) {
        return coverage(buildings, index.city().buildingResidents(), pace, targets, index::nearestMillimetres);
    }

    public static Result coverage(int[] buildings, int[] residents, Pace pace, List<Target> targets,
            IntFunction<int[]> nearest) {
        List<CategoryResult> results = new ArrayList<>(targets.size());
        List<CategoryFigures> basic = new ArrayList<>();
        for (Target target : targets) {
            long threshold = CoverageMath.thresholdMillimetres(target.minutes(), pace);
            CategoryFigures figures = CoverageMath.figures(buildings, nearest.apply(target.category()), residents,
                    threshold);
            results.add(new CategoryResult(target, threshold, figures));
            if (target.basic()) {
                basic.add(figures);
            }
        }
        return new Result(List.copyOf(results), CoverageMath.completeness(basic));
    }

    /** The buildings (ascending) whose nearest place is farther than {@code thresholdMm}. */
    public static int[] gaps(int[] buildings, int[] nearestMm, long thresholdMm) {
        int n = 0;
        int[] result = new int[buildings.length];
        for (int b : buildings) {
            if (nearestMm[b] > thresholdMm) {
                result[n++] = b;
            }
        }
        return Arrays.copyOf(result, n);
    }

    /** A building from which every chosen category lies within its limit, and the farthest of those nearest places. */
    public record Home(int building, int worstMillimetres) {
    }

    /**
     * "Where could we live": the buildings among {@code buildings} whose nearest place of every category {@code c}
     * lies within {@code thresholdMm[c]} ({@code nearestMm[c]} holds each building's nearest-place distance), ranked
     * by the worst of those distances, nearest first, ties by building index (the id order of the network).
     */
    public static Home[] homes(int[] buildings, int[][] nearestMm, long[] thresholdMm) {
        if (nearestMm.length != thresholdMm.length) {
            throw new IllegalArgumentException("one threshold per category");
        }
        Home[] homes = new Home[buildings.length];
        int n = 0;
        for (int b : buildings) {
            int worst = 0;
            boolean all = true;
            for (int c = 0; c < nearestMm.length && all; c++) {
                all = nearestMm[c][b] <= thresholdMm[c];
                worst = Math.max(worst, nearestMm[c][b]);
            }
            if (all) {
                homes[n++] = new Home(b, worst);
            }
        }
        Home[] result = Arrays.copyOf(homes, n);
        Arrays.sort(result, Comparator.comparingInt(Home::worstMillimetres)
                .thenComparingInt(Home::building));
        return result;
    }

    /** Greedy sites for a category among {@code buildings}; see {@link SiteSelector}. */
    public static List<SiteSelector.Site> sites(CoverageIndex index, int category, int[] buildings, long thresholdMm,
            int count) {
        int[] uncovered = gaps(buildings, index.nearestMillimetres(category), thresholdMm);
        return index.city().network().searches().with(
                search -> SiteSelector.greedy(index.city(), search, uncovered, (int) thresholdMm, count));
    }

    /**
     * Coverage before and after adding hypothetical places and removing existing ones. Only the categories that
     * change are searched again (one multi-source search each, over the overlay "existing − removed + added");
     * nothing is written anywhere.
     *
     * @param added   category → attachment points of the hypothetical places
     * @param removed place index → true when the place is taken away (null: none)
     */
    public static WhatIf whatIf(CoverageIndex index, int[] buildings, Pace pace, List<Target> targets,
            Map<Integer, List<Attachment>> added, boolean[] removed) {
        java.util.Set<Integer> changed = new java.util.HashSet<>(added.keySet());
        if (removed != null) {
            int[] placeCategory = index.city().placeCategory();
            for (int p = 0; p < removed.length; p++) {
                if (removed[p]) {
                    changed.add(placeCategory[p]);
                }
            }
        }
        Map<Integer, int[]> after = new java.util.HashMap<>();
        for (int category : changed) {
            after.put(category, index.nearestMillimetres(index.sources(category, removed, added.get(category))));
        }
        Result before = coverage(index, buildings, pace, targets);
        Result afterResult = coverage(buildings, index.city().buildingResidents(), pace, targets,
                c -> after.containsKey(c) ? after.get(c) : index.nearestMillimetres(c));
        return new WhatIf(before, afterResult, changed);
    }

    /** Before/after of a what-if and the categories whose sources changed. */
    public record WhatIf(Result before, Result after, java.util.Set<Integer> changedCategories) {
    }
}
