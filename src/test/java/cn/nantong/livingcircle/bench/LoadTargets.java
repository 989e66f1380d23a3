package cn.nantong.livingcircle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the load generator asks about, read from the deployment under load (never from local files, so one
 * generator serves any deployment): building and community ids, category codes, and origin points inside the
 * dataset's extent. Lists are in the order the API returned them (by id), so a seed gives the same requests on the
 * same data.
 *
 * @param points {@code [lat, lon]} pairs
 */
record LoadTargets(List<String> buildingIds, List<String> communityIds, List<String> categoryCodes,
        List<double[]> points) {

    LoadTargets {
        requireSome(buildingIds, "buildings");
        requireSome(communityIds, "communities");
        requireSome(categoryCodes, "categories");
        requireSome(points, "origin points");
    }

    private static void requireSome(List<?> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the target returned no " + what);
        }
    }

    /**
     * {@code count} points drawn uniformly in {@code outline} (a GeoJSON exterior ring of {@code [lon, lat]}
     * positions, the dataset's extent) that also lie within {@code nearMeters} of a building entrance: the extent is
     * the walkways' hull widened by the snap distance, so a uniform point may fall in a gap between surveyed streets
     * (TOO_FAR_FROM_WALKWAY, a correct answer but not what users standing in the city get). Entrances are attached to
     * walkways, so a point near one snaps.
     *
     * @param entrances {@code [lat, lon]} of buildings
     */
    static List<double[]> pointsInside(List<double[]> outline, List<double[]> entrances, double nearMeters,
            int count, long seed) {
        double west = Double.MAX_VALUE, south = Double.MAX_VALUE, east = -Double.MAX_VALUE, north = -Double.MAX_VALUE;
        for (double[] position : outline) {
            west = Math.min(west, position[0]);
            east = Math.max(east, position[0]);
            south = Math.min(south, position[1]);
            north = Math.max(north, position[1]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> points = new ArrayList<>(count);
        for (int attempt = 0; points.size() < count; attempt++) {
            if (attempt > count * 10_000) {
                throw new IllegalStateException("found only " + points.size() + " of " + count
                        + " points inside the extent near a building");
            }
            double lon = west + random.nextDouble() * (east - west);
            double lat = south + random.nextDouble() * (north - south);
            if (inside(outline, lon, lat) && near(entrances, lat, lon, nearMeters)) {
                points.add(new double[] {Math.round(lat * 1e7) / 1e7, Math.round(lon * 1e7) / 1e7});
            }
        }
        return points;
    }

    /** Even-odd rule over a ring of {@code [lon, lat]}. */
    static boolean inside(List<double[]> ring, double lon, double lat) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(j);
            if ((a[1] > lat) != (b[1] > lat) && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static boolean near(List<double[]> entrances, double lat, double lon, double meters) {
        if (entrances.isEmpty()) {
            return true;
        }
        double metersPerDegree = 111_320;
        double cos = Math.cos(Math.toRadians(lat));
        for (double[] entrance : entrances) {
            double dy = (entrance[0] - lat) * metersPerDegree;
            double dx = (entrance[1] - lon) * metersPerDegree * cos;
            if (dx * dx + dy * dy <= meters * meters) {
                return true;
            }
        }
        return false;
    }
}
