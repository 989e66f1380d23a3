package cn.nantong.livingcircle.importer.generator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The synthetic walkway network and building sites of one cluster (one subdistrict's pilot area),
 * in local metres (x east, y north before the cluster's rotation).
 *
 * <p>Layout: arterial roads 400–600 m apart split the cluster into super-blocks; local streets every
 * ~120–200 m split those into blocks. Each community owns a run of adjacent super-blocks; in some of
 * them a gated compound (小区) covers a rectangle of blocks, the streets that would cross it are
 * removed, and the compound gets its own inset lane grid that joins the surrounding streets only at
 * 1–3 gates. A few local street segments outside compounds are dropped (dead ends, larger blocks)
 * as long as the street graph stays connected. Junctions are jittered by a few metres so the grid is
 * not a perfect lattice. The whole cluster is one connected component.
 */
final class ClusterLayout {

    static final byte STREET = 0;
    static final byte LANE = 1;
    static final byte GATE = 2;
    static final String[] KIND_NAMES = {"street", "lane", "gate"};

    /** A street segment seen from one side: endpoints, unit normal pointing into the community's block. */
    record StreetFront(double ax, double ay, double bx, double by, double nx, double ny, boolean arterial,
                       boolean compoundSide) {

        double length() {
            return Math.hypot(bx - ax, by - ay);
        }
    }

    /** An ordinary (non-gated) city block of a community; sides flagged when they face an arterial. */
    record Block(double x0, double y0, double x1, double y1, boolean arterialWest, boolean arterialEast,
                 boolean arterialSouth, boolean arterialNorth) {

        boolean touchesArterial() {
            return arterialWest || arterialEast || arterialSouth || arterialNorth;
        }
    }

    /** A gated compound: its lane junctions (node indices) and which of them are on the outer ring. */
    static final class Compound {
        final int community;
        final int i0;
        final int i1;
        final int j0;
        final int j1;
        final List<Integer> laneNodes = new ArrayList<>();
        final List<Integer> ringNodes = new ArrayList<>();

        Compound(int community, int i0, int i1, int j0, int j1) {
            this.community = community;
            this.i0 = i0;
            this.i1 = i1;
            this.j0 = j0;
            this.j1 = j1;
        }
    }

    /** What the POI placement needs to know about one community's part of the cluster. */
    static final class CommunityArea {
        double areaSquareMetres;
        final List<double[]> buildingSites = new ArrayList<>();
        final List<Compound> compounds = new ArrayList<>();
        final List<StreetFront> streetFronts = new ArrayList<>();
        final List<Block> openBlocks = new ArrayList<>();
    }

    // ---- graph ----
    private double[] nodeX = new double[256];
    private double[] nodeY = new double[256];
    private int nodeCount;
    private int[] edgeFrom = new int[256];
    private int[] edgeTo = new int[256];
    private byte[] edgeKind = new byte[256];
    private int edgeCount;
    private final Set<Long> edgeKeys = new HashSet<>();

    private final List<CommunityArea> areas = new ArrayList<>();
    private final List<Compound> compounds = new ArrayList<>();

    // ---- grid ----
    private double[] xs;
    private double[] ys;
    private boolean[] xArterial;
    private boolean[] yArterial;
    private int cellsX;
    private int cellsY;
    private int[][] cellCommunity;
    private int[][] cellCompound;
    private boolean[][] hSeg; // (i,j)-(i+1,j)
    private boolean[][] vSeg; // (i,j)-(i,j+1)
    private int[][] inter;

    private final Rng rnd;

    private ClusterLayout(Rng rnd) {
        this.rnd = rnd;
    }

    /**
     * @param superBlocks per community, how many super-blocks it covers (≥ 1)
     * @param compoundCounts per community, how many of them hold a gated compound (1..superBlocks)
     * @param buildings per community, how many residential buildings to site in its compounds
     */
    static ClusterLayout build(Rng rnd, int[] superBlocks, int[] compoundCounts, int[] buildings) {
        ClusterLayout layout = new ClusterLayout(rnd);
        layout.generate(superBlocks, compoundCounts, buildings);
        return layout;
    }

    int nodeCount() {
        return nodeCount;
    }

    double nodeX(int node) {
        return nodeX[node];
    }

    double nodeY(int node) {
        return nodeY[node];
    }

    int edgeCount() {
        return edgeCount;
    }

    int edgeFrom(int edge) {
        return edgeFrom[edge];
    }

    int edgeTo(int edge) {
        return edgeTo[edge];
    }

    byte edgeKind(int edge) {
        return edgeKind[edge];
    }

    List<CommunityArea> areas() {
        return areas;
    }

    // ------------------------------------------------------------------------------------------

    private void generate(int[] superBlocks, int[] compoundCounts, int[] buildings) {
        int communities = superBlocks.length;
        for (int c = 0; c < communities; c++) {
            areas.add(new CommunityArea());
        }
        int total = Arrays.stream(superBlocks).sum();
        int sa = (int) Math.ceil(Math.sqrt(total));
        int sb = (total + sa - 1) / sa;
        if (rnd.chance(0.5)) {
            int t = sa;
            sa = sb;
            sb = t;
        }
        double[] ax = arterials(sa);
        double[] ay = arterials(sb);
        List<Integer> xArtIdx = new ArrayList<>();
        List<Integer> yArtIdx = new ArrayList<>();
        xs = streetLines(ax, xArtIdx);
        ys = streetLines(ay, yArtIdx);
        cellsX = xs.length - 1;
        cellsY = ys.length - 1;
        xArterial = new boolean[xs.length];
        yArterial = new boolean[ys.length];
        xArtIdx.forEach(i -> xArterial[i] = true);
        yArtIdx.forEach(j -> yArterial[j] = true);

        // Assign super-blocks to communities in serpentine order so each community is contiguous.
        int[] sizes = superBlocks.clone();
        for (int e = 0; e < sa * sb - total; e++) {
            sizes[Math.floorMod(communities - 1 - e, communities)]++;
        }
        List<List<int[]>> superBlocksOf = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            superBlocksOf.add(new ArrayList<>());
        }
        int community = 0;
        int used = 0;
        for (int b = 0; b < sb; b++) {
            for (int k = 0; k < sa; k++) {
                int a = (b % 2 == 0) ? k : sa - 1 - k;
                while (used == sizes[community]) {
                    community++;
                    used = 0;
                }
                superBlocksOf.get(community).add(new int[] {a, b});
                used++;
            }
        }
        cellCommunity = new int[cellsX][cellsY];
        cellCompound = new int[cellsX][cellsY];
        for (int[] row : cellCompound) {
            Arrays.fill(row, -1);
        }
        for (int c = 0; c < communities; c++) {
            CommunityArea area = areas.get(c);
            List<int[]> blocks = superBlocksOf.get(c);
            for (int[] s : blocks) {
                area.areaSquareMetres += (ax[s[0] + 1] - ax[s[0]]) * (ay[s[1] + 1] - ay[s[1]]);
                for (int i = xArtIdx.get(s[0]); i < xArtIdx.get(s[0] + 1); i++) {
                    for (int j = yArtIdx.get(s[1]); j < yArtIdx.get(s[1] + 1); j++) {
                        cellCommunity[i][j] = c;
                    }
                }
            }
            List<int[]> shuffled = new ArrayList<>(blocks);
            rnd.shuffle(shuffled);
            int n = Math.min(Math.max(1, compoundCounts[c]), shuffled.size());
            List<int[]> chosen = new ArrayList<>(shuffled.subList(0, n));
            chosen.sort((p, q) -> p[1] != q[1] ? Integer.compare(p[1], q[1]) : Integer.compare(p[0], q[0]));
            for (int[] s : chosen) {
                placeCompound(c, xArtIdx.get(s[0]), xArtIdx.get(s[0] + 1), yArtIdx.get(s[1]),
                        yArtIdx.get(s[1] + 1));
            }
        }

        buildStreetSegments();
        pruneLocalStreets();
        createIntersections();
        TreeMap<Long, List<double[]>> gateRequests = new TreeMap<>();
        for (int c = 0; c < communities; c++) {
            List<Compound> own = areas.get(c).compounds;
            int[] perCompound = splitBuildings(buildings[c], own);
            for (int k = 0; k < own.size(); k++) {
                buildCompound(own.get(k), perCompound[k], areas.get(c).buildingSites, gateRequests);
            }
        }
        emitStreets(gateRequests);
        collectFrontsAndBlocks();
        requireConnected();
    }

    private double[] arterials(int intervals) {
        double[] a = new double[intervals + 1];
        for (int k = 0; k < intervals; k++) {
            a[k + 1] = a[k] + rnd.uniform(400, 600);
        }
        double half = a[intervals] / 2;
        for (int k = 0; k <= intervals; k++) {
            a[k] -= half;
        }
        return a;
    }

    private double[] streetLines(double[] arterials, List<Integer> arterialIndices) {
        List<Double> lines = new ArrayList<>();
        for (int k = 0; k < arterials.length - 1; k++) {
            arterialIndices.add(lines.size());
            lines.add(arterials[k]);
            double length = arterials[k + 1] - arterials[k];
            int kMin = Math.max(2, (int) Math.ceil(length / 200));
            int kMax = Math.max(kMin, (int) Math.floor(length / 120));
            int parts = rnd.between(kMin, kMax);
            for (int m = 1; m < parts; m++) {
                lines.add(arterials[k] + length * m / parts + rnd.jitter(0.12 * length / parts));
            }
        }
        arterialIndices.add(lines.size());
        lines.add(arterials[arterials.length - 1]);
        return lines.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A compound covers a corner rectangle of the super-block, never all of it (street-front blocks remain). */
    private void placeCompound(int community, int ia, int ib, int ja, int jb) {
        int nx = ib - ia;
        int ny = jb - ja;
        int kx = nx >= 2 && rnd.chance(0.5) ? nx - 1 : nx;
        int ky = ny >= 2 && rnd.chance(0.5) ? ny - 1 : ny;
        if (kx == nx && ky == ny) {
            if (rnd.chance(0.5)) {
                kx = nx - 1;
            } else {
                ky = ny - 1;
            }
        }
        int i0 = rnd.chance(0.5) ? ia : ib - kx;
        int j0 = rnd.chance(0.5) ? ja : jb - ky;
        Compound compound = new Compound(community, i0, i0 + kx, j0, j0 + ky);
        int id = compounds.size();
        compounds.add(compound);
        areas.get(community).compounds.add(compound);
        for (int i = compound.i0; i < compound.i1; i++) {
            for (int j = compound.j0; j < compound.j1; j++) {
                cellCompound[i][j] = id;
            }
        }
    }

    private int compoundAt(int i, int j) {
        if (i < 0 || j < 0 || i >= cellsX || j >= cellsY) {
            return -1;
        }
        return cellCompound[i][j];
    }

    private void buildStreetSegments() {
        hSeg = new boolean[cellsX][cellsY + 1];
        vSeg = new boolean[cellsX + 1][cellsY];
        for (int i = 0; i < cellsX; i++) {
            for (int j = 0; j <= cellsY; j++) {
                int below = compoundAt(i, j - 1);
                hSeg[i][j] = !(below >= 0 && below == compoundAt(i, j));
            }
        }
        for (int i = 0; i <= cellsX; i++) {
            for (int j = 0; j < cellsY; j++) {
                int left = compoundAt(i - 1, j);
                vSeg[i][j] = !(left >= 0 && left == compoundAt(i, j));
            }
        }
    }

    /** Drops a few local street segments away from compounds, keeping the street graph connected. */
    private void pruneLocalStreets() {
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < cellsX; i++) {
            for (int j = 0; j <= cellsY; j++) {
                if (hSeg[i][j] && !yArterial[j] && compoundAt(i, j - 1) < 0 && compoundAt(i, j) < 0) {
                    candidates.add(new int[] {0, i, j});
                }
            }
        }
        for (int i = 0; i <= cellsX; i++) {
            for (int j = 0; j < cellsY; j++) {
                if (vSeg[i][j] && !xArterial[i] && compoundAt(i - 1, j) < 0 && compoundAt(i, j) < 0) {
                    candidates.add(new int[] {1, i, j});
                }
            }
        }
        for (int[] s : candidates) {
            if (!rnd.chance(0.09)) {
                continue;
            }
            boolean[][] grid = s[0] == 0 ? hSeg : vSeg;
            grid[s[1]][s[2]] = false;
            if (!streetGridConnected()) {
                grid[s[1]][s[2]] = true;
            }
        }
    }

    private int degree(int i, int j) {
        int d = 0;
        if (i < cellsX && hSeg[i][j]) {
            d++;
        }
        if (i > 0 && hSeg[i - 1][j]) {
            d++;
        }
        if (j < cellsY && vSeg[i][j]) {
            d++;
        }
        if (j > 0 && vSeg[i][j - 1]) {
            d++;
        }
        return d;
    }

    private boolean streetGridConnected() {
        int w = cellsX + 1;
        int h = cellsY + 1;
        int present = 0;
        int start = -1;
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < h; j++) {
                if (degree(i, j) > 0) {
                    present++;
                    start = i * h + j;
                } else if (!isInsideCompound(i, j)) {
                    return false; // an intersection outside compounds would vanish
                }
            }
        }
        boolean[] seen = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen[start] = true;
        int reached = 0;
        while (!queue.isEmpty()) {
            int p = queue.poll();
            reached++;
            int i = p / h;
            int j = p % h;
            if (i < cellsX && hSeg[i][j]) {
                visit(seen, queue, (i + 1) * h + j);
            }
            if (i > 0 && hSeg[i - 1][j]) {
                visit(seen, queue, (i - 1) * h + j);
            }
            if (j < cellsY && vSeg[i][j]) {
                visit(seen, queue, i * h + j + 1);
            }
            if (j > 0 && vSeg[i][j - 1]) {
                visit(seen, queue, i * h + j - 1);
            }
        }
        return reached == present;
    }

    private boolean isInsideCompound(int i, int j) {
        int c = compoundAt(i, j);
        return c >= 0 && c == compoundAt(i - 1, j) && c == compoundAt(i, j - 1) && c == compoundAt(i - 1, j - 1);
    }

    private static void visit(boolean[] seen, ArrayDeque<Integer> queue, int p) {
        if (!seen[p]) {
            seen[p] = true;
            queue.add(p);
        }
    }

    private void createIntersections() {
        inter = new int[cellsX + 1][cellsY + 1];
        for (int i = 0; i <= cellsX; i++) {
            for (int j = 0; j <= cellsY; j++) {
                if (degree(i, j) == 0) {
                    inter[i][j] = -1;
                    continue;
                }
                double amplitude = xArterial[i] && yArterial[j] ? 2.0 : 4.0;
                inter[i][j] = addNode(xs[i] + rnd.jitter(amplitude), ys[j] + rnd.jitter(amplitude));
            }
        }
    }

    private static int[] splitBuildings(int buildings, List<Compound> own) {
        int[] result = new int[own.size()];
        double totalCells = 0;
        for (Compound c : own) {
            totalCells += (c.i1 - c.i0) * (c.j1 - c.j0);
        }
        int assigned = 0;
        double[] remainders = new double[own.size()];
        for (int k = 0; k < own.size(); k++) {
            Compound c = own.get(k);
            double exact = buildings * ((c.i1 - c.i0) * (c.j1 - c.j0)) / totalCells;
            result[k] = Math.max(1, (int) Math.floor(exact));
            remainders[k] = exact - Math.floor(exact);
            assigned += result[k];
        }
        while (assigned < buildings) {
            int best = 0;
            for (int k = 1; k < own.size(); k++) {
                if (remainders[k] > remainders[best]) {
                    best = k;
                }
            }
            result[best]++;
            remainders[best] = -1;
            assigned++;
            if (Arrays.stream(remainders).allMatch(r -> r < 0)) {
                Arrays.fill(remainders, 0);
            }
        }
        while (assigned > buildings) {
            int largest = 0;
            for (int k = 1; k < own.size(); k++) {
                if (result[k] > result[largest]) {
                    largest = k;
                }
            }
            result[largest]--;
            assigned--;
        }
        return result;
    }

    /** Lane grid, building sites and gate requests of one compound. */
    private void buildCompound(Compound compound, int buildingCount, List<double[]> buildingSites,
                               TreeMap<Long, List<double[]>> gateRequests) {
        double inset = rnd.uniform(16, 24);
        double x0 = xs[compound.i0] + inset;
        double x1 = xs[compound.i1] - inset;
        double y0 = ys[compound.j0] + inset;
        double y1 = ys[compound.j1] - inset;
        double spacing = rnd.uniform(55, 80);
        int lx = Math.max(1, (int) Math.round((x1 - x0) / spacing));
        int ly = Math.max(1, (int) Math.round((y1 - y0) / spacing));
        double[] laneX = laneLines(x0, x1, lx);
        double[] laneY = laneLines(y0, y1, ly);

        int[][] node = new int[lx + 1][ly + 1];
        for (int a = 0; a <= lx; a++) {
            for (int b = 0; b <= ly; b++) {
                node[a][b] = addNode(laneX[a] + rnd.jitter(1.5), laneY[b] + rnd.jitter(1.5));
                compound.laneNodes.add(node[a][b]);
                if (a == 0 || b == 0 || a == lx || b == ly) {
                    compound.ringNodes.add(node[a][b]);
                }
            }
        }
        boolean[][] lh = new boolean[lx][ly + 1];
        boolean[][] lv = new boolean[lx + 1][ly];
        for (boolean[] row : lh) {
            Arrays.fill(row, true);
        }
        for (boolean[] row : lv) {
            Arrays.fill(row, true);
        }
        // Drop some interior lanes (cul-de-sacs, courtyards) while keeping the compound connected.
        for (int a = 0; a < lx; a++) {
            for (int b = 1; b < ly; b++) {
                if (rnd.chance(0.2)) {
                    lh[a][b] = false;
                    if (!laneGridConnected(lh, lv, lx, ly)) {
                        lh[a][b] = true;
                    }
                }
            }
        }
        for (int a = 1; a < lx; a++) {
            for (int b = 0; b < ly; b++) {
                if (rnd.chance(0.2)) {
                    lv[a][b] = false;
                    if (!laneGridConnected(lh, lv, lx, ly)) {
                        lv[a][b] = true;
                    }
                }
            }
        }
        for (int a = 0; a < lx; a++) {
            for (int b = 0; b <= ly; b++) {
                if (lh[a][b]) {
                    addEdge(node[a][b], node[a + 1][b], LANE);
                }
            }
        }
        for (int a = 0; a <= lx; a++) {
            for (int b = 0; b < ly; b++) {
                if (lv[a][b]) {
                    addEdge(node[a][b], node[a][b + 1], LANE);
                }
            }
        }

        // Building sites: a few slots per lane cell, each 20–30% of the cell height from a lane.
        int cells = lx * ly;
        int perCell = Math.max(2, (buildingCount + cells - 1) / cells);
        int columns = (perCell + 1) / 2;
        List<double[]> slots = new ArrayList<>();
        for (int b = 0; b < ly; b++) {
            for (int a = 0; a < lx; a++) {
                double cx0 = laneX[a];
                double cx1 = laneX[a + 1];
                double cy0 = laneY[b];
                double cy1 = laneY[b + 1];
                for (int row = 0; row < 2; row++) {
                    for (int col = 0; col < columns; col++) {
                        double x = cx0 + (cx1 - cx0) * (col + 0.5 + rnd.jitter(0.15)) / columns;
                        double f = rnd.uniform(0.2, 0.3);
                        double y = row == 0 ? cy0 + (cy1 - cy0) * f : cy1 - (cy1 - cy0) * f;
                        slots.add(new double[] {x, y, slots.size()});
                    }
                }
            }
        }
        rnd.shuffle(slots);
        List<double[]> chosen = new ArrayList<>(slots.subList(0, buildingCount));
        chosen.sort((p, q) -> Double.compare(p[2], q[2]));
        for (double[] s : chosen) {
            buildingSites.add(new double[] {s[0], s[1]});
        }

        // Gates: 1–3 sides, each from a ring lane junction straight out to the boundary street.
        List<Integer> sides = new ArrayList<>(List.of(0, 1, 2, 3));
        rnd.shuffle(sides);
        int gates = rnd.between(1, 3);
        for (int g = 0; g < gates; g++) {
            int side = sides.get(g);
            if (side == 0 || side == 1) { // south / north: horizontal street at j0 / j1
                int a = lx >= 2 ? rnd.between(1, lx - 1) : rnd.between(0, lx);
                int b = side == 0 ? 0 : ly;
                int lane = node[a][b];
                int j = side == 0 ? compound.j0 : compound.j1;
                double x = nodeX[lane];
                int i = segmentIndex(xs, compound.i0, compound.i1, x);
                double t = (x - xs[i]) / (xs[i + 1] - xs[i]);
                request(gateRequests, key(0, i, j), t, lane);
            } else { // west / east: vertical street at i0 / i1
                int b = ly >= 2 ? rnd.between(1, ly - 1) : rnd.between(0, ly);
                int a = side == 2 ? 0 : lx;
                int lane = node[a][b];
                int i = side == 2 ? compound.i0 : compound.i1;
                double y = nodeY[lane];
                int j = segmentIndex(ys, compound.j0, compound.j1, y);
                double t = (y - ys[j]) / (ys[j + 1] - ys[j]);
                request(gateRequests, key(1, i, j), t, lane);
            }
        }
    }

    private double[] laneLines(double from, double to, int parts) {
        double[] lines = new double[parts + 1];
        double step = (to - from) / parts;
        for (int k = 0; k <= parts; k++) {
            lines[k] = from + step * k + (k > 0 && k < parts ? rnd.jitter(0.1 * step) : 0);
        }
        return lines;
    }

    private static int segmentIndex(double[] lines, int lo, int hi, double value) {
        for (int k = lo; k < hi; k++) {
            if (value < lines[k + 1]) {
                return k;
            }
        }
        return hi - 1;
    }

    private long key(int direction, int i, int j) {
        return ((long) direction * (cellsX + 2) + i) * (cellsY + 2) + j;
    }

    private static void request(TreeMap<Long, List<double[]>> requests, long key, double t, int laneNode) {
        requests.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {t, laneNode});
    }

    private static boolean laneGridConnected(boolean[][] lh, boolean[][] lv, int lx, int ly) {
        int h = ly + 1;
        boolean[] seen = new boolean[(lx + 1) * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        seen[0] = true;
        int reached = 0;
        while (!queue.isEmpty()) {
            int p = queue.poll();
            reached++;
            int a = p / h;
            int b = p % h;
            if (a < lx && lh[a][b]) {
                visit(seen, queue, (a + 1) * h + b);
            }
            if (a > 0 && lh[a - 1][b]) {
                visit(seen, queue, (a - 1) * h + b);
            }
            if (b < ly && lv[a][b]) {
                visit(seen, queue, a * h + b + 1);
            }
            if (b > 0 && lv[a][b - 1]) {
                visit(seen, queue, a * h + b - 1);
            }
        }
        return reached == seen.length;
    }

    /** Street walkways; segments with gates are split at the gate points. */
    private void emitStreets(TreeMap<Long, List<double[]>> gateRequests) {
        for (int i = 0; i < cellsX; i++) {
            for (int j = 0; j <= cellsY; j++) {
                if (hSeg[i][j]) {
                    emitSegment(inter[i][j], inter[i + 1][j], gateRequests.get(key(0, i, j)));
                }
            }
        }
        for (int i = 0; i <= cellsX; i++) {
            for (int j = 0; j < cellsY; j++) {
                if (vSeg[i][j]) {
                    emitSegment(inter[i][j], inter[i][j + 1], gateRequests.get(key(1, i, j)));
                }
            }
        }
    }

    private void emitSegment(int a, int b, List<double[]> gates) {
        if (gates == null) {
            addEdge(a, b, STREET);
            return;
        }
        gates.sort((p, q) -> Double.compare(p[0], q[0]));
        double ax = nodeX[a];
        double ay = nodeY[a];
        double bx = nodeX[b];
        double by = nodeY[b];
        double length = Math.hypot(bx - ax, by - ay);
        int previous = a;
        double previousT = 0;
        for (double[] gate : gates) {
            double t = gate[0];
            int lane = (int) gate[1];
            int streetNode;
            if (t * length < 6) {
                streetNode = a;
            } else if ((1 - t) * length < 6) {
                streetNode = b;
            } else if (previous != a && (t - previousT) * length < 4) {
                streetNode = previous;
            } else {
                streetNode = addNode(ax + (bx - ax) * t, ay + (by - ay) * t);
                addEdge(previous, streetNode, STREET);
                previous = streetNode;
                previousT = t;
            }
            addEdge(lane, streetNode, GATE);
        }
        addEdge(previous, b, STREET);
    }

    private void collectFrontsAndBlocks() {
        for (int i = 0; i < cellsX; i++) {
            for (int j = 0; j <= cellsY; j++) {
                if (hSeg[i][j]) {
                    addFronts(inter[i][j], inter[i + 1][j], yArterial[j], i, j, i, j - 1);
                }
            }
        }
        for (int i = 0; i <= cellsX; i++) {
            for (int j = 0; j < cellsY; j++) {
                if (vSeg[i][j]) {
                    // walking from (i,j) up to (i,j+1), the left-hand side is the cell to the west
                    addFronts(inter[i][j], inter[i][j + 1], xArterial[i], i - 1, j, i, j);
                }
            }
        }
        for (int i = 0; i < cellsX; i++) {
            for (int j = 0; j < cellsY; j++) {
                if (cellCompound[i][j] < 0) {
                    areas.get(cellCommunity[i][j]).openBlocks.add(new Block(xs[i], ys[j], xs[i + 1], ys[j + 1],
                            xArterial[i], xArterial[i + 1], yArterial[j], yArterial[j + 1]));
                }
            }
        }
    }

    /** Adds the segment a→b as street front of the cell on its left (li,lj) and on its right (ri,rj). */
    private void addFronts(int a, int b, boolean arterial, int li, int lj, int ri, int rj) {
        double ax = nodeX[a];
        double ay = nodeY[a];
        double bx = nodeX[b];
        double by = nodeY[b];
        double length = Math.hypot(bx - ax, by - ay);
        double nx = -(by - ay) / length;
        double ny = (bx - ax) / length;
        if (li >= 0 && lj >= 0 && li < cellsX && lj < cellsY) {
            areas.get(cellCommunity[li][lj]).streetFronts.add(
                    new StreetFront(ax, ay, bx, by, nx, ny, arterial, cellCompound[li][lj] >= 0));
        }
        if (ri >= 0 && rj >= 0 && ri < cellsX && rj < cellsY) {
            areas.get(cellCommunity[ri][rj]).streetFronts.add(
                    new StreetFront(ax, ay, bx, by, -nx, -ny, arterial, cellCompound[ri][rj] >= 0));
        }
    }

    private void requireConnected() {
        int[] parent = new int[nodeCount];
        for (int n = 0; n < nodeCount; n++) {
            parent[n] = n;
        }
        for (int e = 0; e < edgeCount; e++) {
            int ra = find(parent, edgeFrom[e]);
            int rb = find(parent, edgeTo[e]);
            if (ra != rb) {
                parent[ra] = rb;
            }
        }
        int root = find(parent, 0);
        for (int n = 1; n < nodeCount; n++) {
            if (find(parent, n) != root) {
                throw new IllegalStateException("Cluster network is not connected at node " + n);
            }
        }
    }

    private static int find(int[] parent, int n) {
        while (parent[n] != n) {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }

    private int addNode(double x, double y) {
        if (nodeCount == nodeX.length) {
            nodeX = Arrays.copyOf(nodeX, nodeCount * 2);
            nodeY = Arrays.copyOf(nodeY, nodeCount * 2);
        }
        nodeX[nodeCount] = x;
        nodeY[nodeCount] = y;
        return nodeCount++;
    }

    private void addEdge(int a, int b, byte kind) {
        if (a == b) {
            throw new IllegalStateException("Self-loop walkway at node " + a);
        }
        long k = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        if (!edgeKeys.add(k)) {
            return;
        }
        if (edgeCount == edgeFrom.length) {
            edgeFrom = Arrays.copyOf(edgeFrom, edgeCount * 2);
            edgeTo = Arrays.copyOf(edgeTo, edgeCount * 2);
            edgeKind = Arrays.copyOf(edgeKind, edgeCount * 2);
        }
        edgeFrom[edgeCount] = a;
        edgeTo[edgeCount] = b;
        edgeKind[edgeCount] = kind;
        edgeCount++;
    }
}
