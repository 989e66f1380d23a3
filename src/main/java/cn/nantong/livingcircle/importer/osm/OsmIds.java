package cn.nantong.livingcircle.importer.osm;

import java.util.Map;

/**
 * Ids and names an OSM import gives what it writes: {@code osm-n<node>}, {@code osm-w<way>}, walkway pieces
 * {@code osm-w<way>-<k>}, and per file {@code osm-<file>} (dataset and fallback community) with its placeholder
 * subdistrict and district.
 */
final class OsmIds {

    static final String PREFIX = "osm-";

    private OsmIds() {
    }

    static String node(long osmId) {
        return PREFIX + "n" + osmId;
    }

    static String way(long osmId) {
        return PREFIX + "w" + osmId;
    }

    /** The k-th piece of a way cut at its junctions. */
    static String walkway(long osmWay, int piece) {
        return way(osmWay) + "-" + piece;
    }

    /** {@code osm-<file>}, without doubling the prefix of files already named {@code osm_...}. */
    static String datasetId(String slug) {
        return slug.startsWith(PREFIX) ? slug : PREFIX + slug;
    }

    static String subdistrict(String slug) {
        return datasetId(slug) + "-subdistrict";
    }

    static String district(String slug) {
        return datasetId(slug) + "-district";
    }

    /** True for the id of a node or way the file contains: the file is authoritative for it. */
    static boolean describedBy(String id, OsmExtract x) {
        if (id.startsWith(PREFIX + "w")) {
            Long way = parse(id.substring(PREFIX.length() + 1));
            return way != null && x.containsWay(way);
        }
        if (id.startsWith(PREFIX + "n")) {
            Long node = parse(id.substring(PREFIX.length() + 1));
            return node != null && x.indexOf(node) != null;
        }
        return false;
    }

    /** An element's name: {@code name}, else {@code name:zh}, else {@code name:en}; null without any. */
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

    private static Long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
