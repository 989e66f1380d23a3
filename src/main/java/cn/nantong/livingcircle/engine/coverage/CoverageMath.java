package cn.nantong.livingcircle.engine.coverage;

import java.util.Arrays;
import java.util.List;

import cn.nantong.livingcircle.engine.Pace;

/**
 * The arithmetic of coverage over a set of buildings, given each building's distance to the nearest place of a
 * category (see {@link CoverageIndex}). Pure functions, no state.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>A building <em>reaches</em> a category within {@code minutes} at a pace when its nearest place is at most
 *       {@code minutes × metresPerMinute} away on foot (inclusive, compared in whole millimetres).</li>
 *   <li>Percentiles are nearest-rank over the buildings sorted by distance: the p-th percentile is the value at
 *       1-based rank {@code ceil(p × n)}; null when that building reaches no place at all.</li>
 *   <li><b>Completeness score</b> (0–100): the resident-weighted share of (building, basic category) pairs within
 *       the category's target time, i.e. {@code 100 × Σ_c Σ_b r_b·[d(b,c) ≤ T_c] / (|C| · Σ_b r_b)} over the
 *       basic-tier categories C, buildings b with residents r_b, nearest-place distance d(b,c) and target
 *       distance T_c = targetMinutes(c) × pace. Equivalently the mean over basic categories of the percentage of
 *       residents within target. When no building records residents, every building weighs 1.</li>
 * </ul>
 */
public final class CoverageMath {

    private CoverageMath() {
    }

    /** Largest distance in millimetres that still counts as within {@code minutes} at {@code pace}. */
    public static long thresholdMillimetres(int minutes, Pace pace) {
        return pace.thresholdMillimetres(minutes);
    }

    /**
     * Figures of one category over {@code buildings}.
     *
     * @param nearestMm building index → mm to the nearest place ({@link CoverageIndex#UNREACHABLE} if none)
     */
    public static CategoryFigures figures(int[] buildings, int[] nearestMm, int[] residents, long thresholdMm) {
        int within = 0;
        long residentsTotal = 0;
        long residentsWithin = 0;
        int unreachable = 0;
        int[] sorted = new int[buildings.length];
        for (int i = 0; i < buildings.length; i++) {
            int b = buildings[i];
            int d = nearestMm[b];
            sorted[i] = d;
            residentsTotal += residents[b];
            if (d <= thresholdMm) {
                within++;
                residentsWithin += residents[b];
            }
            if (d == CoverageIndex.UNREACHABLE) {
                unreachable++;
            }
        }
        Arrays.sort(sorted);
        return new CategoryFigures(buildings.length, within, residentsTotal, residentsWithin,
                percentile(sorted, 0.5), percentile(sorted, 0.9), unreachable);
    }

    /** Nearest-rank percentile in millimetres of an ascending array; null if empty or unreachable at that rank. */
    public static Integer percentile(int[] ascending, double p) {
        if (ascending.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * ascending.length - 1e-9);
        int value = ascending[Math.max(0, Math.min(ascending.length - 1, rank - 1))];
        return value == CoverageIndex.UNREACHABLE ? null : value;
    }

    /** The completeness score (see class comment) from the figures of every basic category. */
    public static double completeness(List<CategoryFigures> basic) {
        if (basic.isEmpty()) {
            return 0.0;
        }
        double sum = 0.0;
        for (CategoryFigures f : basic) {
            sum += f.residentsTotal() > 0 ? (double) f.residentsWithin() / f.residentsTotal()
                    : f.buildings() == 0 ? 0.0 : (double) f.buildingsWithin() / f.buildings();
        }
        return 100.0 * sum / basic.size();
    }

    public static double percent(long part, long whole) {
        return whole == 0 ? 0.0 : 100.0 * part / whole;
    }

    public static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /**
     * Coverage of one category over a set of buildings.
     *
     * @param medianMm median nearest-place distance in mm, null when the median building reaches none
     * @param p90Mm    90th percentile, same convention
     */
    public record CategoryFigures(int buildings, int buildingsWithin, long residentsTotal, long residentsWithin,
            Integer medianMm, Integer p90Mm, int unreachableBuildings) {

        /** Share of residents within target in percent; buildings count when no residents are recorded. */
        public double residentPercent() {
            return residentsTotal > 0 ? percent(residentsWithin, residentsTotal) : percent(buildingsWithin, buildings);
        }
    }
}
