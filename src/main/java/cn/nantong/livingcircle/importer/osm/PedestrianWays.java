package cn.nantong.livingcircle.importer.osm;

import java.util.Map;
import java.util.Set;

/**
 * Which OSM ways a pedestrian may use. Close to GraphHopper's foot profile (so the two engines can be compared) with
 * the differences the living-circle model needs:
 * <ul>
 *   <li>Walkable {@code highway} values: footway, path, steps, pedestrian, living_street, residential, service,
 *       track, unclassified, road, primary/secondary/tertiary (+ {@code _link}), cycleway, bridleway, platform,
 *       corridor; also {@code railway=platform}, {@code public_transport=platform} and {@code man_made=pier}.</li>
 *   <li>motorway, trunk (+ {@code _link}) and roads tagged {@code motorroad=yes} only with an explicit
 *       {@code foot=yes|designated|permissive|official} or a sidewalk ({@code sidewalk=yes|both|left|right}).</li>
 *   <li>{@code foot=no|private|use_sidepath|restricted|military|emergency} excludes the way;
 *       {@code access=no|private|military|emergency|restricted} excludes it unless foot is explicitly allowed.</li>
 *   <li>One-way tags are ignored: pedestrians walk both ways, also on {@code oneway=yes} steps and footways
 *       (GraphHopper's foot profile honours {@code oneway} on steps; we do not).</li>
 *   <li>Areas ({@code area=yes}, e.g. a pedestrian square) are walked along their outline, as GraphHopper does;
 *       crossing them diagonally would need a visibility graph.</li>
 *   <li>Ways under construction, proposed or abandoned are not walkable (their highway value is not listed).</li>
 * </ul>
 */
final class PedestrianWays {

    private static final Set<String> WALKABLE = Set.of("footway", "path", "steps", "pedestrian", "living_street",
            "residential", "service", "track", "unclassified", "road", "primary", "primary_link", "secondary",
            "secondary_link", "tertiary", "tertiary_link", "cycleway", "bridleway", "platform", "corridor");
    private static final Set<String> ONLY_WITH_FOOT = Set.of("motorway", "motorway_link", "trunk", "trunk_link");
    private static final Set<String> FOOT_ALLOWED = Set.of("yes", "designated", "permissive", "official");
    private static final Set<String> FOOT_DENIED = Set.of("no", "private", "use_sidepath", "restricted",
            "military", "emergency");
    private static final Set<String> ACCESS_DENIED = Set.of("no", "private", "military", "emergency", "restricted");
    private static final Set<String> SIDEWALK = Set.of("yes", "both", "left", "right");

    private PedestrianWays() {
    }

    static boolean walkable(Map<String, String> tags) {
        String highway = tags.get("highway");
        String foot = tags.get("foot");
        boolean footAllowed = foot != null && FOOT_ALLOWED.contains(foot);
        if (foot != null && FOOT_DENIED.contains(foot)) {
            return false;
        }
        String access = tags.get("access");
        if (access != null && ACCESS_DENIED.contains(access) && !footAllowed) {
            return false;
        }
        if (highway == null) {
            return "platform".equals(tags.get("railway")) || "platform".equals(tags.get("public_transport"))
                    || "pier".equals(tags.get("man_made"));
        }
        boolean sidewalk = SIDEWALK.contains(tags.getOrDefault("sidewalk", ""));
        if (ONLY_WITH_FOOT.contains(highway) || "yes".equals(tags.get("motorroad"))) {
            return footAllowed || sidewalk;
        }
        return WALKABLE.contains(highway) || footAllowed || sidewalk;
    }

    /** The walkway kind stored on a piece of the way: its highway value, else platform, pier or way. */
    static String kind(Map<String, String> tags) {
        if (tags.containsKey("highway")) {
            return tags.get("highway");
        }
        if (tags.containsKey("railway")) {
            return "platform";
        }
        return tags.getOrDefault("man_made", "way");
    }

    /** Kerb heights a wheelchair crosses ({@code kerb=lowered|flush|no}); any other tagged kerb is raised. */
    private static final Set<String> CROSSABLE_KERBS = Set.of("lowered", "flush", "no");

    /**
     * Whether a node is a kerb a wheelchair cannot cross: {@code barrier=kerb} whose {@code kerb} height is not
     * lowered, flush or no (an untagged height counts as raised, as OSM's wiki says a kerb without it is).
     */
    static boolean raisedKerb(Map<String, String> nodeTags) {
        return nodeTags != null && "kerb".equals(nodeTags.get("barrier"))
                && !CROSSABLE_KERBS.contains(nodeTags.getOrDefault("kerb", "raised"));
    }
}
