package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.engine.Geo;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Buildings and residential areas from closed OSM ways (multipolygon relations are not read).
 *
 * <h2>Geometry</h2>
 * Polygons are built in plain longitude/latitude degrees. The centroid is taken there directly (a centroid is
 * preserved by the locally affine map to metres), and the area is converted with the equirectangular factor
 * {@code (R·π/180)² · cos(lat)} at the polygon's latitude, accurate to well under 0.1 % for a building.
 *
 * <h2>Resident estimate</h2>
 * OSM has no population per building, so households and residents are estimated for residential buildings only:
 * <ul>
 *   <li>residential = {@code building} in {residential, apartments, house, detached, semidetached_house, terrace,
 *       dormitory, bungalow, farm}, or {@code building=yes} without shop/amenity/office tags inside a
 *       {@code landuse=residential} area (or anywhere, when the file maps no residential areas at all, as many
 *       older extracts do); every other building gets 0 households and 0 residents (it is still an
 *       origin for reachability);</li>
 *   <li>floors = {@code building:levels} (first number, 1..200), else 2 for house types and 4 otherwise;</li>
 *   <li>households = max(1, round(footprint m² × floors × 0.75 / 90)): 75 % of the gross floor area is
 *       dwelling space, 90 m² per dwelling (typical Chinese urban flat);</li>
 *   <li>residents = round(households × 2.62), the average household size of China's 2020 census.</li>
 * </ul>
 */
final class OsmBuildings {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Set<String> RESIDENTIAL = Set.of("residential", "apartments", "house", "detached",
            "semidetached_house", "terrace", "dormitory", "bungalow", "farm");
    private static final Set<String> HOUSE_LIKE = Set.of("house", "detached", "semidetached_house", "terrace",
            "bungalow", "farm");
    static final double DWELLING_SHARE = 0.75;
    static final double SQUARE_METERS_PER_HOUSEHOLD = 90.0;
    static final double PERSONS_PER_HOUSEHOLD = 2.62;

    record Footprint(double lat, double lon, double areaSquareMeters) {
    }

    record Estimate(int levels, int households, int residents) {
    }

    record Area(String id, String nameZh, String nameEn, double lat, double lon, double areaSquareMeters) {
    }

    private OsmBuildings() {
    }

    static boolean isBuilding(Map<String, String> tags) {
        String building = tags.get("building");
        return building != null && !"no".equals(building);
    }

    /** Centroid and area of a closed way, or null if it does not form a polygon. */
    static Footprint footprint(OsmExtract x, OsmExtract.Way w) {
        Polygon polygon = polygon(x, w);
        if (polygon == null) {
            return null;
        }
        Point centroid = polygon.getCentroid();
        double lat;
        double lon;
        if (centroid.isEmpty() || Double.isNaN(centroid.getX())) {
            Envelope e = polygon.getEnvelopeInternal();
            lat = e.centre().y;
            lon = e.centre().x;
        } else {
            lat = centroid.getY();
            lon = centroid.getX();
        }
        double area = polygon.getArea() * Geo.METERS_PER_DEGREE * Geo.METERS_PER_DEGREE
                * Math.cos(Math.toRadians(lat));
        return new Footprint(lat, lon, Math.round(area * 10.0) / 10.0);
    }

    private static Polygon polygon(OsmExtract x, OsmExtract.Way w) {
        if (!w.closed()) {
            return null;
        }
        int[] nodes = w.nodes();
        Coordinate[] ring = new Coordinate[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            ring[i] = new Coordinate(x.lon(nodes[i]), x.lat(nodes[i]));
        }
        try {
            return GEOMETRY.createPolygon(ring);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Estimate estimate(Map<String, String> tags, double footprintSquareMeters, boolean inResidentialArea) {
        String type = tags.getOrDefault("building", "yes");
        boolean residential = RESIDENTIAL.contains(type) || ("yes".equals(type) && inResidentialArea
                && !tags.containsKey("shop") && !tags.containsKey("amenity") && !tags.containsKey("office"));
        Integer tagged = levels(tags.get("building:levels"));
        int levels = tagged != null ? tagged : HOUSE_LIKE.contains(type) ? 2 : 4;
        if (!residential) {
            return new Estimate(levels, 0, 0);
        }
        int households = (int) Math.max(1, Math.round(footprintSquareMeters * levels * DWELLING_SHARE
                / SQUARE_METERS_PER_HOUSEHOLD));
        return new Estimate(levels, households, (int) Math.round(households * PERSONS_PER_HOUSEHOLD));
    }

    private static Integer levels(String value) {
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(value);
        if (!m.find()) {
            return null;
        }
        try {
            int levels = Integer.parseInt(m.group());
            return levels >= 1 && levels <= 200 ? levels : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The {@code landuse=residential} areas of the file; named ones are communities. */
    static Areas residentialAreas(OsmExtract x) {
        STRtree tree = new STRtree();
        Map<String, Area> byId = new HashMap<>();
        int count = 0;
        for (OsmExtract.Way w : x.ways) {
            if (!"residential".equals(w.tags().get("landuse"))) {
                continue;
            }
            Polygon polygon = polygon(x, w);
            if (polygon == null || !polygon.isValid()) {
                continue;
            }
            String name = OsmIds.name(w.tags());
            String id = name == null ? null : OsmIds.way(w.id());
            Footprint f = footprint(x, w);
            if (id != null) {
                String en = w.tags().getOrDefault("name:en", name);
                String zh = w.tags().getOrDefault("name:zh", name);
                byId.put(id, new Area(id, zh, en, f.lat(), f.lon(), f.areaSquareMeters()));
            }
            tree.insert(polygon.getEnvelopeInternal(), new Entry(id, PreparedGeometryFactory.prepare(polygon),
                    f.areaSquareMeters()));
            count++;
        }
        if (count > 0) {
            tree.build();
        }
        return new Areas(count > 0 ? tree : null, byId);
    }

    private record Entry(String communityId, PreparedGeometry polygon, double areaSquareMeters) {
    }

    static final class Areas {
        private final STRtree tree;
        private final Map<String, Area> byId;

        private Areas(STRtree tree, Map<String, Area> byId) {
            this.tree = tree;
            this.byId = byId;
        }

        Area byId(String id) {
            return byId.get(id);
        }

        private List<Entry> containing(double lat, double lon) {
            List<Entry> hits = new ArrayList<>();
            if (tree == null) {
                return hits;
            }
            Point p = GEOMETRY.createPoint(new Coordinate(lon, lat));
            for (Object o : tree.query(new Envelope(lon, lon, lat, lat))) {
                Entry e = (Entry) o;
                if (e.polygon().contains(p)) {
                    hits.add(e);
                }
            }
            return hits;
        }

        /** The smallest named residential area containing the point, or null. */
        String communityAt(double lat, double lon) {
            return containing(lat, lon).stream().filter(e -> e.communityId() != null)
                    .min(java.util.Comparator.comparingDouble(Entry::areaSquareMeters)
                            .thenComparing(Entry::communityId))
                    .map(Entry::communityId).orElse(null);
        }

        /** True when the file maps no residential areas (closed {@code landuse=residential} ways). */
        boolean none() {
            return tree == null;
        }

        boolean insideResidential(double lat, double lon) {
            return !containing(lat, lon).isEmpty();
        }
    }
}
