package cn.nantong.livingcircle.importer.osm;

import cn.nantong.livingcircle.engine.Millimetres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import cn.nantong.livingcircle.engine.WalkingEdges;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Geo;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * Turns a parsed OSM file plus the current graph into an {@link OsmImportPlan}. Pure computation, no I/O except the
 * stored walking edges of the buildings it recomputes (read through {@code storedEdges}).
 *
 * <h2>Walkway network</h2>
 * The ways {@link PedestrianWays} accepts are split at junctions: a node used by two or more walkable ways (or twice
 * by one), the ends of every way, and nodes that are already junctions in the graph (so a second, overlapping file
 * connects to the first). A piece between two consecutive junctions becomes one {@code WALKWAY} with id
 * {@code osm-w<way>-<k>} (k-th piece of the way), its shape (every node, {@code [lat0, lon0, lat1, lon1, ...]}) and
 * its length = the haversine sum along the nodes, in whole millimetres. Ways crossing without a shared node (bridges,
 * tunnels) are not connected. The file is authoritative for every way it contains: the stored pieces of those ways
 * are replaced.
 *
 * <h2>Islands</h2>
 * Connected components of the merged network (graph + file) are measured by total walkway length. A component with
 * less than {@code minIslandMeters} that holds only segments of this file, and is not the file's largest component,
 * is dropped: these are mostly footways inside private grounds or pieces cut off by the extract's boundary, and a
 * building attached to one would reach almost nothing.
 *
 * <h2>Buildings, places, communities</h2>
 * See {@link OsmBuildings} for buildings and their resident estimate and {@link CategoryMapping} for places. Both
 * attach to the nearest walkway segment by perpendicular projection ({@link SegmentSnapper}); farther than the
 * maximum snap distance they are skipped and counted. Each named {@code landuse=residential} closed way becomes a
 * community ({@code osm-w<id>}) holding the buildings and places whose centroid lies inside it (the smallest such
 * area if nested); everything else goes to one fallback community per file ({@code osm-<file>}). Every OSM community
 * hangs under one placeholder subdistrict and district per file ({@code osm-<file>-subdistrict},
 * {@code osm-<file>-district}); OSM does not carry China's administrative levels reliably enough for these.
 *
 * <h2>Which walking edges are recomputed</h2>
 * Walking distance is symmetric, so a building's edges can only change if it lies within the horizon of something
 * that changed. The plan recomputes the {@code WALKS_TO} edges of
 * <ol>
 *   <li>every new or changed building (position, attachment or attributes), and</li>
 *   <li>every stored building within the horizon, in the NEW network, of a new or changed place or of either end of
 *       a new or changed walkway, and</li>
 *   <li>every stored building within the horizon, in the OLD network (as stored), of a moved or deleted place or of
 *       either end of a changed or deleted walkway (a removed shortcut lengthens paths that used it).</li>
 * </ol>
 * Each set is one multi-source bounded search, so the cost is proportional to the changed area, not the city. The
 * recomputed edges are compared with the stored ones and only the differences are written.
 */
final class OsmImportPlanner {

    static final String PREFIX = "osm-";

    record Settings(double minIslandMeters, double maxSnapMeters, int horizonMillimetres) {
    }

    private final OsmExtract x;
    private final ExistingGraph g;
    private final CategoryMapping mapping;
    private final Settings settings;
    private final String slug;
    private final String fileLabel;
    private OldNetwork oldNetwork;

    OsmImportPlanner(OsmExtract extract, ExistingGraph graph, CategoryMapping mapping, Settings settings,
            String slug) {
        this.x = extract;
        this.g = graph;
        this.mapping = mapping;
        this.settings = settings;
        this.slug = slug;
        this.fileLabel = extract.fileName;
    }

    /** A segment of the merged network: stored ({@code stored != null}) or from the file. */
    private record Piece(String id, String fromId, String toId, int millimetres, double[] shape, Long osmWay,
            String kind, ExistingGraph.Walkway stored) {
    }

    OsmImportPlan plan(Function<Collection<String>, Map<String, Map<String, Double>>> storedEdges) {
        Set<Long> fileWays = new HashSet<>();
        x.ways.forEach(w -> fileWays.add(w.id()));

        // ---- 1. the file's walkway pieces
        List<OsmExtract.Way> walkable = x.ways.stream()
                .filter(w -> w.nodes().length >= 2 && PedestrianWays.walkable(w.tags())).toList();
        int[] usage = new int[x.nodeCount()];
        boolean[] junction = new boolean[x.nodeCount()];
        for (OsmExtract.Way w : walkable) {
            int[] nodes = w.nodes();
            for (int i = 0; i < nodes.length; i++) {
                // A closed way's last node repeats its first: that is an end, not a second use.
                if (i < nodes.length - 1 || nodes[i] != nodes[0]) {
                    usage[nodes[i]]++;
                }
            }
            junction[nodes[0]] = true;
            junction[nodes[nodes.length - 1]] = true;
        }
        for (int n = 0; n < usage.length; n++) {
            if (usage[n] >= 2 || (usage[n] == 1 && g.junctions.containsKey(nodeId(n)))) {
                junction[n] = true;
            }
        }
        Map<String, double[]> filePositions = new HashMap<>();
        List<Piece> filePieces = new ArrayList<>();
        for (OsmExtract.Way w : walkable) {
            int[] nodes = w.nodes();
            String kind = kind(w.tags());
            int start = 0;
            int k = 0;
            for (int i = 1; i < nodes.length; i++) {
                if (!junction[nodes[i]] && i < nodes.length - 1) {
                    continue;
                }
                double[] shape = new double[2 * (i - start + 1)];
                double meters = 0.0;
                for (int p = start; p <= i; p++) {
                    shape[2 * (p - start)] = x.lat(nodes[p]);
                    shape[2 * (p - start) + 1] = x.lon(nodes[p]);
                    if (p > start) {
                        meters += Geo.haversineMeters(x.lat(nodes[p - 1]), x.lon(nodes[p - 1]), x.lat(nodes[p]),
                                x.lon(nodes[p]));
                    }
                }
                String from = nodeId(nodes[start]);
                String to = nodeId(nodes[i]);
                filePositions.put(from, new double[] {x.lat(nodes[start]), x.lon(nodes[start])});
                filePositions.put(to, new double[] {x.lat(nodes[i]), x.lon(nodes[i])});
                filePieces.add(new Piece(PREFIX + "w" + w.id() + "-" + k, from, to, Millimetres.of(meters),
                        shape, w.id(), kind, null));
                k++;
                start = i;
            }
        }

        // ---- 2. merge with the stored network and drop small islands of the file
        Map<String, ExistingGraph.Walkway> storedById = new HashMap<>();
        List<Piece> pieces = new ArrayList<>();
        for (ExistingGraph.Walkway w : g.walkways) {
            storedById.put(w.id(), w);
            if (w.osmWay() == null || !fileWays.contains(w.osmWay())) {
                pieces.add(new Piece(w.id(), w.fromId(), w.toId(), w.millimetres(), toArray(w.shape()), w.osmWay(),
                        w.kind(), w));
            }
        }
        int storedKept = pieces.size();
        pieces.addAll(filePieces);
        Map<String, double[]> positions = new HashMap<>(g.junctions);
        positions.putAll(filePositions);
        Map<String, Integer> junctionIndex = new HashMap<>();
        List<String> junctionIds = new ArrayList<>();
        for (Piece p : pieces) {
            for (String id : new String[] {p.fromId(), p.toId()}) {
                if (junctionIndex.putIfAbsent(id, junctionIds.size()) == null) {
                    junctionIds.add(id);
                }
            }
        }
        int[] parent = new int[junctionIds.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Piece p : pieces) {
            union(parent, junctionIndex.get(p.fromId()), junctionIndex.get(p.toId()));
        }
        Map<Integer, Double> componentMeters = new HashMap<>();
        Set<Integer> componentWithStored = new HashSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            int root = find(parent, junctionIndex.get(p.fromId()));
            componentMeters.merge(root, Millimetres.toMeters(p.millimetres()), Double::sum);
            if (i < storedKept) {
                componentWithStored.add(root);
            }
        }
        // The file's largest component is always kept, even when the graph already holds a larger city elsewhere.
        int largest = componentMeters.entrySet().stream().filter(e -> !componentWithStored.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
        Set<Integer> dropped = new HashSet<>();
        componentMeters.forEach((root, meters) -> {
            if (meters < settings.minIslandMeters() && root != largest && !componentWithStored.contains(root)) {
                dropped.add(root);
            }
        });
        List<Piece> kept = new ArrayList<>();
        int walkwaysDropped = 0;
        for (Piece p : pieces) {
            if (dropped.contains(find(parent, junctionIndex.get(p.fromId())))) {
                walkwaysDropped++;
            } else {
                kept.add(p);
            }
        }

        // ---- 3. the final network
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder(junctionIds.size(), kept.size());
        Map<String, Integer> finalJunction = new HashMap<>();
        Map<String, Integer> segmentOf = new HashMap<>();
        List<String> segmentIds = new ArrayList<>();
        for (Piece p : kept) {
            int a = finalJunction.computeIfAbsent(p.fromId(), id -> builder.addJunction(positions.get(id)[0],
                    positions.get(id)[1]));
            int b = finalJunction.computeIfAbsent(p.toId(), id -> builder.addJunction(positions.get(id)[0],
                    positions.get(id)[1]));
            segmentOf.put(p.id(), builder.addSegment(a, b, p.shape(), p.millimetres()));
            segmentIds.add(p.id());
        }
        WalkwayNetwork network = builder.build();
        SegmentSnapper snapper = new SegmentSnapper(network);

        // walkway changes
        Set<String> keptFileIds = new HashSet<>();
        List<Map<String, Object>> walkwayCreates = new ArrayList<>();
        List<String> walkwayDeletes = new ArrayList<>();
        Set<String> orphanCandidates = new LinkedHashSet<>();
        List<Attachment> newSeeds = new ArrayList<>();
        List<String> changedStoredWalkways = new ArrayList<>();
        Map<String, double[]> fileJunctionRows = new TreeMap<>();
        int fileSegments = 0;
        for (Piece p : kept) {
            if (p.stored() != null) {
                continue;
            }
            fileSegments++;
            keptFileIds.add(p.id());
            fileJunctionRows.put(p.fromId(), positions.get(p.fromId()));
            fileJunctionRows.put(p.toId(), positions.get(p.toId()));
            ExistingGraph.Walkway stored = storedById.get(p.id());
            List<Double> shape = toList(p.shape());
            boolean same = stored != null && stored.fromId().equals(p.fromId()) && stored.toId().equals(p.toId())
                    && stored.millimetres() == p.millimetres() && shape.equals(stored.shape())
                    && p.kind().equals(stored.kind());
            if (!same) {
                if (stored != null) {
                    walkwayDeletes.add(p.id());
                    changedStoredWalkways.add(p.id());
                }
                walkwayCreates.add(OsmRows.row("id", p.id(), "fromId", p.fromId(), "toId", p.toId(), "lengthMeters",
                        Millimetres.toMeters(p.millimetres()), "kind", p.kind(), "shape", shape, "osmWay", p.osmWay()));
                int s = segmentOf.get(p.id());
                newSeeds.add(new Attachment(s, 0));
                newSeeds.add(new Attachment(s, network.segmentMillimetres(s)));
            }
        }
        for (ExistingGraph.Walkway w : g.walkways) {
            if (w.osmWay() != null && fileWays.contains(w.osmWay()) && !keptFileIds.contains(w.id())) {
                walkwayDeletes.add(w.id());
                changedStoredWalkways.add(w.id());
            }
        }
        for (String id : changedStoredWalkways) {
            ExistingGraph.Walkway w = storedById.get(id);
            orphanCandidates.add(w.fromId());
            orphanCandidates.add(w.toId());
        }
        List<Map<String, Object>> junctionRows = new ArrayList<>();
        fileJunctionRows.forEach((id, pos) -> junctionRows.add(OsmRows.row("id", id, "lat", pos[0], "lon", pos[1])));

        // ---- 4. communities, buildings and places of the file
        OsmBuildings.Areas areas = OsmBuildings.residentialAreas(x);
        Map<String, Map<String, Object>> freshBuildings = new LinkedHashMap<>();
        Map<String, Map<String, Object>> freshPlaces = new LinkedHashMap<>();
        Map<String, Integer> unmapped = new HashMap<>();
        int unattached = 0;
        int residential = 0;
        long residents = 0;
        Map<String, List<double[]>> fallbackMembers = new HashMap<>();
        Set<String> usedCommunities = new LinkedHashSet<>();
        String fallbackId = datasetId(slug);
        for (OsmExtract.Way w : x.ways) {
            if (!w.closed() || !OsmBuildings.isBuilding(w.tags())) {
                continue;
            }
            OsmBuildings.Footprint f = OsmBuildings.footprint(x, w);
            if (f == null) {
                continue;
            }
            String id = PREFIX + "w" + w.id();
            var snap = snapper.snap(f.lat(), f.lon(), settings.maxSnapMeters());
            if (snap.isEmpty()) {
                unattached++;
                continue;
            }
            String community = areas.communityAt(f.lat(), f.lon());
            OsmBuildings.Estimate e = OsmBuildings.estimate(w.tags(), f.areaSquareMeters(),
                    community != null || areas.insideResidential(f.lat(), f.lon()) || areas.none());
            if (community == null) {
                community = fallbackId;
                fallbackMembers.computeIfAbsent(fallbackId, k -> new ArrayList<>()).add(new double[] {f.lat(), f.lon()});
            }
            usedCommunities.add(community);
            if (e.households() > 0) {
                residential++;
                residents += e.residents();
            }
            freshBuildings.put(id, OsmRows.row("id", id, "name", name(w.tags()), "households", e.households(),
                    "residents", e.residents(), "walkwayId", segmentIds.get(snap.get().attachment().segment()),
                    "offsetMeters", Millimetres.toMeters(snap.get().attachment().offsetMillimetres()),
                    "snapMeters", snap.get().distanceMeters(), "buildingType", w.tags().get("building"),
                    "levels", e.levels(), "footprintSquareMeters", f.areaSquareMeters(), "lat", f.lat(),
                    "lon", f.lon(), "communityId", community));
        }
        Map<String, Integer> byCategory = new TreeMap<>();
        for (Map.Entry<Integer, Map<String, String>> node : x.nodeTags.entrySet()) {
            unattached += place(PREFIX + "n" + x.nodeId(node.getKey()), node.getValue(), x.lat(node.getKey()),
                    x.lon(node.getKey()), snapper, segmentIds, areas, fallbackId, fallbackMembers, usedCommunities,
                    freshPlaces, unmapped, byCategory);
        }
        for (OsmExtract.Way w : x.ways) {
            if (!w.closed() || !mapping.hasPoiKey(w.tags())) {
                continue;
            }
            OsmBuildings.Footprint f = OsmBuildings.footprint(x, w);
            if (f != null) {
                unattached += place(PREFIX + "w" + w.id(), w.tags(), f.lat(), f.lon(), snapper, segmentIds, areas,
                        fallbackId, fallbackMembers, usedCommunities, freshPlaces, unmapped, byCategory);
            }
        }
        List<Map<String, Object>> communities = new ArrayList<>();
        String subdistrictId = datasetId(slug) + "-subdistrict";
        for (String id : usedCommunities) {
            if (id.equals(fallbackId)) {
                List<double[]> members = fallbackMembers.get(id);
                double lat = members.stream().mapToDouble(p -> p[0]).average().orElse(0);
                double lon = members.stream().mapToDouble(p -> p[1]).average().orElse(0);
                communities.add(OsmRows.row("id", id, "subdistrictId", subdistrictId, "nameZh", fileLabel
                        + " (OSM, outside named residential areas)", "nameEn", fileLabel
                        + " (OSM, outside named residential areas)", "lat", lat, "lon", lon, "nameSource",
                        "fallback per OSM file"));
            } else {
                OsmBuildings.Area a = areas.byId(id);
                communities.add(OsmRows.row("id", id, "subdistrictId", subdistrictId, "nameZh", a.nameZh(), "nameEn",
                        a.nameEn(), "lat", a.lat(), "lon", a.lon(), "area", a.areaSquareMeters(), "nameSource",
                        "OpenStreetMap landuse=residential name"));
            }
        }
        List<Map<String, Object>> districts = List.of(OsmRows.row("id", datasetId(slug) + "-district", "nameZh",
                fileLabel + " (OSM placeholder district)", "nameEn", fileLabel + " (OSM placeholder district)"));
        List<Map<String, Object>> subdistricts = List.of(OsmRows.row("id", subdistrictId, "districtId",
                datasetId(slug) + "-district", "nameZh", fileLabel + " (OSM placeholder subdistrict)", "nameEn",
                fileLabel + " (OSM placeholder subdistrict)"));

        // ---- 5. stored buildings and places that this file does not describe: re-attach to the merged network
        Map<String, Map<String, Object>> finalBuildings = new LinkedHashMap<>();
        Map<String, Map<String, Object>> finalPlaces = new LinkedHashMap<>();
        Set<String> changedStored = new HashSet<>(changedStoredWalkways);
        List<String> buildingDeletes = new ArrayList<>();
        List<String> placeDeletes = new ArrayList<>();
        for (Map<String, Object> stored : g.buildings.values()) {
            String id = (String) stored.get("id");
            if (describedByFile(id, fileWays)) {
                if (!freshBuildings.containsKey(id)) {
                    buildingDeletes.add(id);
                }
            } else {
                finalBuildings.put(id, reattach(stored, snapper, segmentIds, segmentOf, changedStored));
            }
        }
        finalBuildings.putAll(freshBuildings);
        for (Map<String, Object> stored : g.places.values()) {
            String id = (String) stored.get("id");
            if (describedByFile(id, fileWays)) {
                if (!freshPlaces.containsKey(id)) {
                    placeDeletes.add(id);
                }
            } else {
                finalPlaces.put(id, reattach(stored, snapper, segmentIds, segmentOf, changedStored));
            }
        }
        finalPlaces.putAll(freshPlaces);

        List<Map<String, Object>> buildingWrites = new ArrayList<>();
        Set<String> affected = new LinkedHashSet<>();
        Set<String> touchedCommunities = new LinkedHashSet<>();
        for (Map<String, Object> row : finalBuildings.values()) {
            Map<String, Object> stored = g.buildings.get((String) row.get("id"));
            if (!OsmRows.same(stored, row) && row.containsKey("walkwayId")) {
                buildingWrites.add(row);
                affected.add((String) row.get("id"));
                touchedCommunities.add((String) row.get("communityId"));
                if (stored != null && stored.get("communityId") != null) {
                    touchedCommunities.add((String) stored.get("communityId"));
                }
            }
        }
        for (String id : buildingDeletes) {
            Object c = g.buildings.get(id).get("communityId");
            if (c != null) {
                touchedCommunities.add((String) c);
            }
        }
        List<Map<String, Object>> placeWrites = new ArrayList<>();
        List<Attachment> oldSeedsPlaces = new ArrayList<>();
        for (Map<String, Object> row : finalPlaces.values()) {
            Map<String, Object> stored = g.places.get((String) row.get("id"));
            if (!OsmRows.same(stored, row) && row.containsKey("walkwayId")) {
                placeWrites.add(row);
                newSeeds.add(attachment(row, segmentOf, network));
                if (stored != null) {
                    oldSeedsPlaces.add(storedAttachmentKey(stored));
                }
            }
        }

        // ---- 6. buildings within the horizon of a change (see class comment)
        int horizon = settings.horizonMillimetres();
        if (!newSeeds.isEmpty()) {
            WalkingSearch search = new WalkingSearch(network);
            search.runFromSources(newSeeds.toArray(Attachment[]::new), horizon);
            for (Map<String, Object> row : finalBuildings.values()) {
                if (row.containsKey("walkwayId")
                        && search.distanceTo(attachment(row, segmentOf, network)) <= horizon) {
                    affected.add((String) row.get("id"));
                }
            }
        }
        OldNetwork old = old();
        List<Attachment> oldSeeds = new ArrayList<>();
        for (String id : changedStoredWalkways) {
            Integer s = old.segmentOf.get(id);
            if (s != null) {
                oldSeeds.add(new Attachment(s, 0));
                oldSeeds.add(new Attachment(s, old.network.segmentMillimetres(s)));
            }
        }
        for (Attachment key : oldSeedsPlaces) {
            if (key != null) {
                oldSeeds.add(key);
            }
        }
        for (String id : placeDeletes) {
            Attachment a = storedAttachmentKey(g.places.get(id));
            if (a != null) {
                oldSeeds.add(a);
            }
        }
        if (!oldSeeds.isEmpty()) {
            List<Attachment> resolved = new ArrayList<>();
            for (Attachment a : oldSeeds) {
                if (a.segment() < old.network.segmentCount()) {
                    resolved.add(new Attachment(a.segment(),
                            Math.min(a.offsetMillimetres(), old.network.segmentMillimetres(a.segment()))));
                }
            }
            WalkingSearch search = new WalkingSearch(old.network);
            search.runFromSources(resolved.toArray(Attachment[]::new), horizon);
            for (Map<String, Object> stored : g.buildings.values()) {
                Attachment a = old.attachment(stored);
                if (a != null && search.distanceTo(a) <= horizon && finalBuildings.containsKey((String) stored.get("id"))
                        && finalBuildings.get((String) stored.get("id")).containsKey("walkwayId")) {
                    affected.add((String) stored.get("id"));
                }
            }
        }

        // ---- 7. recompute and diff the walking edges of the affected buildings
        List<String> placeIds = new ArrayList<>();
        List<Integer> placeSegment = new ArrayList<>();
        List<Integer> placeOffset = new ArrayList<>();
        for (Map<String, Object> row : finalPlaces.values()) {
            if (row.containsKey("walkwayId")) {
                Attachment a = attachment(row, segmentOf, network);
                placeIds.add((String) row.get("id"));
                placeSegment.add(a.segment());
                placeOffset.add(a.offsetMillimetres());
            }
        }
        PlaceLocator locator = new PlaceLocator(network, placeSegment.stream().mapToInt(Integer::intValue).toArray(),
                placeOffset.stream().mapToInt(Integer::intValue).toArray());
        List<String> affectedIds = List.copyOf(affected);
        Attachment[] origins = affectedIds.stream().map(id -> attachment(finalBuildings.get(id), segmentOf, network))
                .toArray(Attachment[]::new);
        WalkingEdges edges = WalkingEdges.compute(network, origins, locator, horizon);
        Map<String, Map<String, Double>> stored = storedEdges.apply(affectedIds);
        List<Map<String, Object>> edgeDeletes = new ArrayList<>();
        List<Map<String, Object>> edgeWrites = new ArrayList<>();
        List<Map<String, Object>> edgeCreates = new ArrayList<>();
        for (int b = 0; b < affectedIds.size(); b++) {
            String building = affectedIds.get(b);
            Map<String, Double> before = stored.getOrDefault(building, Map.of());
            Set<String> now = new HashSet<>();
            List<Map<String, Object>> created = new ArrayList<>();
            for (int e = edges.first()[b]; e < edges.first()[b + 1]; e++) {
                String place = placeIds.get(edges.place()[e]);
                double meters = Millimetres.toMeters(edges.millimetres()[e]);
                now.add(place);
                Double old2 = before.get(place);
                if (old2 == null) {
                    created.add(Map.of("p", place, "m", meters));
                } else if (old2 != meters) {
                    edgeWrites.add(OsmRows.row("b", building, "p", place, "m", meters));
                }
            }
            if (!created.isEmpty()) {
                edgeCreates.add(Map.of("b", building, "targets", created));
            }
            for (String place : before.keySet()) {
                if (!now.contains(place)) {
                    edgeDeletes.add(OsmRows.row("b", building, "p", place));
                }
            }
        }
        for (Map<String, Object> row : placeWrites) {
            touchedCommunities.add((String) row.get("communityId"));
        }
        touchedCommunities.remove(null);

        OsmImportPlan.Stats stats = new OsmImportPlan.Stats(x.nodeCount(), x.ways.size(), x.relations,
                walkable.size(), fileJunctionRows.size(), fileSegments, dropped.size(), walkwaysDropped,
                freshBuildings.size(), residential, residents, usedCommunities.size(), freshPlaces.size(), byCategory,
                unmapped.values().stream().mapToInt(Integer::intValue).sum(), top(unmapped, 10), unattached,
                affectedIds.size(), edges.count());
        return new OsmImportPlan(districts, subdistricts, communities, junctionRows, walkwayDeletes, walkwayCreates,
                orphanCandidates, buildingDeletes, buildingWrites, placeDeletes, placeWrites, edgeDeletes, edgeCreates,
                edgeWrites, touchedCommunities, stats);
    }

    /** Returns 1 if a mapped element could not be attached, else 0. */
    private int place(String id, Map<String, String> tags, double lat, double lon, SegmentSnapper snapper,
            List<String> segmentIds, OsmBuildings.Areas areas, String fallbackId,
            Map<String, List<double[]>> fallbackMembers, Set<String> usedCommunities,
            Map<String, Map<String, Object>> out, Map<String, Integer> unmapped, Map<String, Integer> byCategory) {
        var rule = mapping.match(tags);
        if (rule.isEmpty()) {
            if (mapping.hasPoiKey(tags)) {
                unmapped.merge(mapping.poiTag(tags), 1, Integer::sum);
            }
            return 0;
        }
        var snap = snapper.snap(lat, lon, settings.maxSnapMeters());
        if (snap.isEmpty()) {
            return 1;
        }
        String community = areas.communityAt(lat, lon);
        if (community == null) {
            community = fallbackId;
            fallbackMembers.computeIfAbsent(fallbackId, k -> new ArrayList<>()).add(new double[] {lat, lon});
        }
        usedCommunities.add(community);
        CategoryMapping.Rule r = rule.get();
        byCategory.merge(r.category(), 1, Integer::sum);
        String name = name(tags);
        if (name == null) {
            name = r.value().replace('_', ' ') + " (unnamed)";
        }
        boolean facility = r.facilityKind() != null;
        String brand = facility ? null : tags.get("brand");
        out.put(id, OsmRows.row("id", id, "label", facility ? "Facility" : "Outlet", "name", name, "category",
                r.category(), "kind", facility ? r.facilityKind().name() : null, "brand", brand,
                "chain", facility ? null : brand != null, "openingHours", tags.get("opening_hours"),
                "walkwayId", segmentIds.get(snap.get().attachment().segment()),
                "offsetMeters", Millimetres.toMeters(snap.get().attachment().offsetMillimetres()),
                "snapMeters", snap.get().distanceMeters(), "osmTag", r.key() + "=" + r.value(), "lat", lat,
                "lon", lon, "communityId", community));
        return 0;
    }

    private boolean describedByFile(String id, Set<Long> fileWays) {
        if (id.startsWith(PREFIX + "w")) {
            Long way = parseId(id.substring(PREFIX.length() + 1));
            return way != null && fileWays.contains(way);
        }
        if (id.startsWith(PREFIX + "n")) {
            Long node = parseId(id.substring(PREFIX.length() + 1));
            return node != null && x.indexOf(node) != null;
        }
        return false;
    }

    private static Long parseId(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A stored building or place snapped again onto the merged network (its position is authoritative). The stored
     * attachment is kept while its walkway is unchanged and no other walkway is closer by more than a millimetre:
     * equidistant candidates (a point snapped onto a junction shared by several walkways) must not flip between
     * imports just because the segments are numbered differently.
     */
    private Map<String, Object> reattach(Map<String, Object> stored, SegmentSnapper snapper, List<String> segmentIds,
            Map<String, Integer> segmentOf, Set<String> changedWalkways) {
        Object lat = stored.get("lat");
        Object lon = stored.get("lon");
        if (!(lat instanceof Double la) || !(lon instanceof Double lo)) {
            return stored;
        }
        Object storedWalkway = stored.get("walkwayId");
        boolean storedValid = storedWalkway instanceof String w && segmentOf.containsKey(w)
                && !changedWalkways.contains(w) && stored.get("snapMeters") instanceof Double;
        var snap = snapper.snap(la, lo, settings.maxSnapMeters());
        if (snap.isEmpty()) {
            return storedValid ? stored : withoutAttachment(stored);
        }
        if (storedValid && snap.get().distanceMeters() >= (Double) stored.get("snapMeters") - 0.001) {
            return stored;
        }
        String walkwayId = segmentIds.get(snap.get().attachment().segment());
        double offset = Millimetres.toMeters(snap.get().attachment().offsetMillimetres());
        Map<String, Object> row = new LinkedHashMap<>(stored);
        row.put("walkwayId", walkwayId);
        row.put("offsetMeters", offset);
        row.put("snapMeters", snap.get().distanceMeters());
        return row;
    }

    private static Map<String, Object> withoutAttachment(Map<String, Object> stored) {
        Map<String, Object> row = new LinkedHashMap<>(stored);
        row.remove("walkwayId");
        return row;
    }

    private static Attachment attachment(Map<String, Object> row, Map<String, Integer> segmentOf,
            WalkwayNetwork network) {
        int s = segmentOf.get((String) row.get("walkwayId"));
        int mm = Millimetres.of(((Number) row.get("offsetMeters")).doubleValue());
        return new Attachment(s, Math.max(0, Math.min(mm, network.segmentMillimetres(s))));
    }

    /** The stored attachment in the old network, or null; resolved lazily because the old network is built later. */
    private Attachment storedAttachmentKey(Map<String, Object> stored) {
        return old().attachment(stored);
    }

    /** {@code osm-<file>}, without doubling the prefix of files already named {@code osm_...}. */
    static String datasetId(String slug) {
        return slug.startsWith(PREFIX) ? slug : PREFIX + slug;
    }

    private OldNetwork old() {
        if (oldNetwork == null) {
            oldNetwork = new OldNetwork(g);
        }
        return oldNetwork;
    }

    private String nodeId(int node) {
        return PREFIX + "n" + x.nodeId(node);
    }

    static String kind(Map<String, String> tags) {
        if (tags.containsKey("highway")) {
            return tags.get("highway");
        }
        if (tags.containsKey("railway")) {
            return "platform";
        }
        return tags.getOrDefault("man_made", "way");
    }

    static String name(Map<String, String> tags) {
        String name = tags.get("name");
        if (name == null) {
            name = tags.get("name:zh");
        }
        if (name == null) {
            name = tags.get("name:en");
        }
        return name;
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static double[] toArray(List<Double> list) {
        if (list == null) {
            return null;
        }
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    private static List<Double> toList(double[] array) {
        List<Double> list = new ArrayList<>(array.length);
        for (double v : array) {
            list.add(v);
        }
        return list;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** The network exactly as stored, with the stored attachments, for the "old network" part of the rule. */
    private static final class OldNetwork {
        final WalkwayNetwork network;
        final Map<String, Integer> segmentOf = new HashMap<>();

        OldNetwork(ExistingGraph g) {
            WalkwayNetwork.Builder builder = WalkwayNetwork.builder(g.junctions.size(), g.walkways.size());
            Map<String, Integer> junctions = new HashMap<>();
            for (ExistingGraph.Walkway w : g.walkways) {
                int a = junctions.computeIfAbsent(w.fromId(), id -> builder.addJunction(g.junctions.get(id)[0],
                        g.junctions.get(id)[1]));
                int b = junctions.computeIfAbsent(w.toId(), id -> builder.addJunction(g.junctions.get(id)[0],
                        g.junctions.get(id)[1]));
                segmentOf.put(w.id(), builder.addSegment(a, b, toArray(w.shape()), w.millimetres()));
            }
            this.network = builder.build();
        }

        Attachment attachment(Map<String, Object> stored) {
            Object walkway = stored.get("walkwayId");
            Object offset = stored.get("offsetMeters");
            if (!(walkway instanceof String id) || !(offset instanceof Number o) || !segmentOf.containsKey(id)) {
                return null;
            }
            int s = segmentOf.get(id);
            int mm = Millimetres.of(o.doubleValue());
            return new Attachment(s, Math.max(0, Math.min(mm, network.segmentMillimetres(s))));
        }
    }
}
