package cn.nantong.livingcircle.engine.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * Where a new outlet would fill a gap (补短板): greedy maximum coverage over candidate sites.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li>Demand: the buildings that do not yet reach the category within the radius, weighted by residents.</li>
 *   <li>Candidates: walkway junctions. A bounded search of the radius from each uncovered building settles exactly
 *       the junctions from which that building is within the radius (walking distance is symmetric), so the
 *       inverted lists "junction → buildings it would cover" come from one small search per uncovered building,
 *       never from a search per junction.</li>
 *   <li>Greedy: repeatedly pick the candidate covering the most not-yet-covered residents (ties: more buildings,
 *       then the lower junction index, so the answer is deterministic), mark its buildings covered, stop after
 *       {@code count} sites or when no candidate adds anyone. Greedy maximum coverage is within a factor
 *       {@code 1 − 1/e} of the optimum for any count, and its first pick is the optimal single site.</li>
 * </ol>
 * Existing vacant outlets are not candidates: the data has no vacancy information.
 */
public final class SiteSelector {

    private SiteSelector() {
    }

    /**
     * A suggested site: a junction and what placing the category there would add.
     *
     * @param junction              dense junction index
     * @param residentsGained       residents newly within the radius
     * @param buildingsGained       buildings newly within the radius
     * @param coveredBuildings      indices of those buildings
     */
    public record Site(int junction, long residentsGained, int buildingsGained, int[] coveredBuildings) {
    }

    /**
     * @param uncovered building indices that currently lack the category within {@code radiusMm}
     * @param count     maximum number of sites
     */
    public static List<Site> greedy(CityNetwork city, WalkingSearch search, int[] uncovered, int radiusMm, int count) {
        int[] residents = city.buildingResidents();
        Attachment[] attachments = city.buildingAttachments();
        // (junction, position in uncovered) pairs packed into longs, sorted by junction: the inverted lists.
        long[] pairs = new long[Math.max(16, uncovered.length * 4)];
        int pairCount = 0;
        for (int i = 0; i < uncovered.length; i++) {
            search.run(attachments[uncovered[i]], radiusMm);
            for (int k = 0, n = search.settledCount(); k < n; k++) {
                if (pairCount == pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                pairs[pairCount++] = ((long) search.settledJunction(k) << 32) | i;
            }
        }
        Arrays.sort(pairs, 0, pairCount);
        int candidateCount = 0;
        for (int k = 0; k < pairCount; k++) {
            if (k == 0 || (pairs[k] >>> 32) != (pairs[k - 1] >>> 32)) {
                candidateCount++;
            }
        }
        int[] candidateJunction = new int[candidateCount];
        int[] candidateFirst = new int[candidateCount + 1];
        int[] covers = new int[pairCount];
        for (int k = 0, c = -1; k < pairCount; k++) {
            int junction = (int) (pairs[k] >>> 32);
            if (c < 0 || candidateJunction[c] != junction) {
                c++;
                candidateJunction[c] = junction;
                candidateFirst[c] = k;
            }
            covers[k] = (int) pairs[k];
        }
        candidateFirst[candidateCount] = pairCount;

        boolean[] covered = new boolean[uncovered.length];
        List<Site> sites = new ArrayList<>();
        while (sites.size() < count) {
            int best = -1;
            long bestResidents = 0;
            int bestBuildings = 0;
            for (int c = 0; c < candidateCount; c++) {
                long gainResidents = 0;
                int gainBuildings = 0;
                for (int k = candidateFirst[c]; k < candidateFirst[c + 1]; k++) {
                    if (!covered[covers[k]]) {
                        gainResidents += residents[uncovered[covers[k]]];
                        gainBuildings++;
                    }
                }
                // Candidates are in ascending junction order, so strict ">" keeps the lower index on ties.
                if (gainBuildings > 0 && (gainResidents > bestResidents
                        || (gainResidents == bestResidents && gainBuildings > bestBuildings))) {
                    best = c;
                    bestResidents = gainResidents;
                    bestBuildings = gainBuildings;
                }
            }
            if (best < 0) {
                break;
            }
            int[] newlyCovered = new int[bestBuildings];
            int n = 0;
            for (int k = candidateFirst[best]; k < candidateFirst[best + 1]; k++) {
                if (!covered[covers[k]]) {
                    covered[covers[k]] = true;
                    newlyCovered[n++] = uncovered[covers[k]];
                }
            }
            Arrays.sort(newlyCovered);
            sites.add(new Site(candidateJunction[best], bestResidents, bestBuildings, newlyCovered));
        }
        return sites;
    }

    /** The junction as a point on one of its segments, so it can seed a search or a what-if. */
    public static Attachment junctionAttachment(WalkwayNetwork network, int junction) {
        int e = network.firstEdge(junction);
        if (e == network.firstEdge(junction + 1)) {
            throw new IllegalArgumentException("junction " + junction + " has no segment");
        }
        int s = network.edgeSegment(e);
        return network.segmentFrom(s) == junction ? new Attachment(s, 0)
                : new Attachment(s, network.segmentMillimetres(s));
    }
}
