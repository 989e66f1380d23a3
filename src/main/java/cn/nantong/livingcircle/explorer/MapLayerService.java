package cn.nantong.livingcircle.explorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.community.Community;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.engine.isochrone.LocalProjection;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.place.Place;
import cn.nantong.livingcircle.place.PlaceRepository;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The layers of one map view. Walkways come from the in-memory network of the current data version (a scan of its
 * segments, no query), buildings and places from the point indexes, then through the features' own projections;
 * community outlines are computed once per data version.
 *
 * <p>Simplification keeps a view's answer proportional to what a screen can show, not to the data: below a pixel a
 * bend is invisible and a piece shorter than two pixels is a dot, and dense layers appear only once zoomed in.
 */
@Service
@Transactional(readOnly = true)
class MapLayerService {

    static final int MAX_ZOOM = 22;
    static final int BUILDINGS_FROM_ZOOM = 13;
    static final int PLACES_FROM_ZOOM = 15;
    /** From this zoom on every walkway piece is kept, however short. */
    static final int ALL_WALKWAYS_FROM_ZOOM = 16;
    static final int MAX_WALKWAYS = 20_000;
    static final int MAX_BUILDINGS = 3_000;
    static final int MAX_PLACES = 3_000;
    static final double OUTLINE_MARGIN_METERS = 30;
    /** Web-mercator ground resolution at the equator, zoom 0, metres per 256-pixel-tile pixel. */
    private static final double EQUATOR_METERS_PER_PIXEL = 156_543.034;
    private static final double METERS_PER_DEGREE_LAT = 111_320;
    private static final double SCALE = 1e6;

    /** Ids in the box through the point index, in id order so that a capped list is the same on every call. */
    private static final String BUILDING_IDS = """
            MATCH (b:Building)
            WHERE point.withinBBox(b.location, point({latitude: $south, longitude: $west}),
                                   point({latitude: $north, longitude: $east}))
              AND b.generation = $generation
            RETURN b.id AS id ORDER BY id LIMIT $limit
            """;
    /** Outlets and facilities have a point index each; one over the common label would not be used. */
    private static final String PLACE_IDS = """
            CALL () {
                MATCH (p:Outlet)
                WHERE point.withinBBox(p.location, point({latitude: $south, longitude: $west}),
                                       point({latitude: $north, longitude: $east}))
                  AND p.generation = $generation
                RETURN p.id AS id
                UNION
                MATCH (p:Facility)
                WHERE point.withinBBox(p.location, point({latitude: $south, longitude: $west}),
                                       point({latitude: $north, longitude: $east}))
                  AND p.generation = $generation
                RETURN p.id AS id
            }
            RETURN id ORDER BY id LIMIT $limit
            """;

    private final Neo4jClient neo4j;
    private final CityNetworkService networks;
    private final CommunityRepository communities;
    private final PlaceRepository places;
    private final DatasetService datasets;
    private final GeometryFactory geometry = new GeometryFactory();
    private volatile Outlines outlines;
    private final CircleMetrics metrics;

    MapLayerService(Neo4jClient neo4j, CityNetworkService networks, CommunityRepository communities,
            PlaceRepository places, DatasetService datasets, CircleMetrics metrics) {
        this.datasets = datasets;
        this.metrics = metrics;
        this.neo4j = neo4j;
        this.networks = networks;
        this.communities = communities;
        this.places = places;
    }

    MapLayers layers(MapBoundsInput bbox, Integer zoomLevel, Crs crs) {
        int zoom = zoomLevel == null ? 0 : zoomLevel;
        if (zoom < 0 || zoom > MAX_ZOOM) {
            throw ApiException.outOfRange("zoom", zoom, 0, MAX_ZOOM);
        }
        Envelope box = wgs84Box(bbox);
        CityNetwork city = networks.current();
        double metersPerPixel = EQUATOR_METERS_PER_PIXEL * Math.cos(Math.toRadians(box.centre().y)) / Math.pow(2, zoom);
        Walkways walkways = walkways(city.network(), box, metersPerPixel, zoom, crs);

        boolean truncated = walkways.truncated();
        List<Building> buildings = List.of();
        if (zoom >= BUILDINGS_FROM_ZOOM) {
            List<String> ids = idsInBox(BUILDING_IDS, box, MAX_BUILDINGS + 1);
            truncated |= ids.size() > MAX_BUILDINGS;
            Map<String, Building> byId = communities.findBuildings(ids.subList(0, Math.min(ids.size(), MAX_BUILDINGS)));
            buildings = byId.values().stream().sorted(Comparator.comparing(Building::id)).toList();
        } else {
            truncated |= !idsInBox(BUILDING_IDS, box, 1).isEmpty();
        }
        List<Place> placeList = List.of();
        if (zoom >= PLACES_FROM_ZOOM) {
            List<String> ids = idsInBox(PLACE_IDS, box, MAX_PLACES + 1);
            truncated |= ids.size() > MAX_PLACES;
            Map<String, Place> byId = places.findByIds(ids.subList(0, Math.min(ids.size(), MAX_PLACES)));
            placeList = byId.values().stream().sorted(Comparator.comparing(Place::id)).toList();
        } else {
            truncated |= !idsInBox(PLACE_IDS, box, 1).isEmpty();
        }
        List<CommunityOutline> outlineList = outlines(city.version()).overlapping(box, crs);
        return new MapLayers(zoom, walkways.geoJson(), walkways.count(), buildings, placeList, outlineList, truncated);
    }

    private static Envelope wgs84Box(MapBoundsInput bbox) {
        Crs crs = Crs.orDefault(bbox.crs());
        GeoPoint southWest = GeoPoint.checked("bbox", bbox.south(), bbox.west());
        GeoPoint northEast = GeoPoint.checked("bbox", bbox.north(), bbox.east());
        if (southWest.lat() > northEast.lat() || southWest.lon() > northEast.lon()) {
            throw ApiException.badArgument("bbox", "The box's south must not be above its north, nor its west east "
                    + "of its east");
        }
        GeoPoint a = crs.toWgs84(southWest.lat(), southWest.lon());
        GeoPoint b = crs.toWgs84(northEast.lat(), northEast.lon());
        return new Envelope(a.lon(), b.lon(), a.lat(), b.lat());
    }

    private List<String> idsInBox(String cypher, Envelope box, int limit) {
        return List.copyOf(neo4j.query(cypher)
                .bind(box.getMinY()).to("south").bind(box.getMinX()).to("west")
                .bind(box.getMaxY()).to("north").bind(box.getMaxX()).to("east").bind(limit).to("limit")
                .bind(datasets.generation()).to("generation")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("id").asString()).all());
    }

    private record Walkways(Map<String, Object> geoJson, int count, boolean truncated) {
    }

    private Walkways walkways(WalkwayNetwork network, Envelope box, double metersPerPixel, int zoom, Crs crs) {
        double toleranceDegrees = metersPerPixel / METERS_PER_DEGREE_LAT;
        int minMillimetres = zoom >= ALL_WALKWAYS_FROM_ZOOM ? 0 : (int) Math.min(Integer.MAX_VALUE, 2_000 * metersPerPixel);
        List<List<List<Double>>> lines = new ArrayList<>();
        boolean truncated = false;
        for (int s = 0; s < network.segmentCount(); s++) {
            int points = network.segmentShapePointCount(s);
            Envelope extent = new Envelope();
            for (int i = 0; i < points; i++) {
                extent.expandToInclude(network.segmentShapeLon(s, i), network.segmentShapeLat(s, i));
            }
            if (!extent.intersects(box)) {
                continue;
            }
            double[] shape = network.segmentShape(s);
            if (network.segmentMillimetres(s) < minMillimetres) {
                truncated = true;
                continue;
            }
            if (lines.size() == MAX_WALKWAYS) {
                truncated = true;
                break;
            }
            Coordinate[] coordinates = new Coordinate[shape.length / 2];
            for (int i = 0; i < coordinates.length; i++) {
                coordinates[i] = new Coordinate(shape[2 * i + 1], shape[2 * i]);
            }
            Geometry line = coordinates.length > 2
                    ? DouglasPeuckerSimplifier.simplify(geometry.createLineString(coordinates), toleranceDegrees)
                    : geometry.createLineString(coordinates);
            lines.add(positions(line.getCoordinates(), crs));
        }
        Map<String, Object> geoJson = new LinkedHashMap<>();
        geoJson.put("type", "MultiLineString");
        geoJson.put("coordinates", lines);
        return new Walkways(geoJson, lines.size(), truncated);
    }

    private static List<List<Double>> positions(Coordinate[] coordinates, Crs crs) {
        List<List<Double>> positions = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            GeoPoint p = crs.fromWgs84(new GeoPoint(c.y, c.x));
            positions.add(List.of(Math.round(p.lon() * SCALE) / SCALE, Math.round(p.lat() * SCALE) / SCALE));
        }
        return positions;
    }

    private Outlines outlines(String version) {
        Outlines current = outlines;
        if (current != null && current.version().equals(version)) {
            metrics.cacheHit(VersionedCache.MAP_OUTLINES);
            return current;
        }
        synchronized (this) {
            current = outlines;
            if (current == null || !current.version().equals(version)) {
                long start = System.nanoTime();
                current = computeOutlines(version);
                outlines = current;
                metrics.cacheMiss(VersionedCache.MAP_OUTLINES, System.nanoTime() - start);
            } else {
                metrics.cacheHit(VersionedCache.MAP_OUTLINES);
            }
            return current;
        }
    }

    private Outlines computeOutlines(String version) {
        Map<String, Polygon> hulls = new LinkedHashMap<>();
        neo4j.query("""
                        MATCH (b:Building)-[:IN_COMMUNITY]->(c:Community) WHERE b.generation = $generation
                        WITH c.id AS id, collect([b.location.latitude, b.location.longitude]) AS points
                        RETURN id, points ORDER BY id
                        """)
                .bind(datasets.generation()).to("generation")
                .fetchAs(Object.class).mappedBy((t, r) -> {
                    List<Coordinate> latLon = r.get("points").asList(v -> new Coordinate(v.get(1).asDouble(),
                            v.get(0).asDouble()));
                    hulls.put(r.get("id").asString(), hull(latLon));
                    return r;
                }).all();
        Map<String, Community> byId = communities.findCommunities(hulls.keySet());
        List<Outline> list = new ArrayList<>();
        hulls.forEach((id, hull) -> {
            if (hull != null && byId.containsKey(id)) {
                list.add(new Outline(byId.get(id), hull));
            }
        });
        return new Outlines(version, list);
    }

    /** The convex hull widened by the margin, in a local metric projection so the margin is metres everywhere. */
    private Polygon hull(List<Coordinate> lonLat) {
        if (lonLat.isEmpty()) {
            return null;
        }
        Coordinate first = lonLat.get(0);
        LocalProjection projection = new LocalProjection(first.y, first.x);
        Coordinate[] projected = lonLat.stream().map(c -> projection.project(c.y, c.x)).toArray(Coordinate[]::new);
        Geometry widened = geometry.createMultiPointFromCoords(projected).convexHull().buffer(OUTLINE_MARGIN_METERS, 4);
        Coordinate[] ring = widened.getCoordinates();
        Coordinate[] back = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            back[i] = new Coordinate(projection.lon(ring[i]), projection.lat(ring[i]));
        }
        // RFC 7946 wants exterior rings counter-clockwise; JTS builds them clockwise
        if (!Orientation.isCCW(back)) {
            CoordinateArrays.reverse(back);
        }
        return geometry.createPolygon(back);
    }

    private record Outline(Community community, Polygon hull) {
    }

    private record Outlines(String version, List<Outline> all) {
        List<CommunityOutline> overlapping(Envelope box, Crs crs) {
            List<CommunityOutline> list = new ArrayList<>();
            for (Outline outline : all) {
                if (outline.hull().getEnvelopeInternal().intersects(box)) {
                    LineString ring = outline.hull().getExteriorRing();
                    Map<String, Object> geoJson = new LinkedHashMap<>();
                    geoJson.put("type", "Polygon");
                    geoJson.put("coordinates", List.of(positions(ring.getCoordinates(), crs)));
                    list.add(new CommunityOutline(outline.community(), geoJson));
                }
            }
            return list;
        }
    }
}
