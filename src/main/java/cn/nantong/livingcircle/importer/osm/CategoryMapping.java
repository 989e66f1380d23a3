package cn.nantong.livingcircle.importer.osm;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.nantong.livingcircle.importer.ImportException;
import cn.nantong.livingcircle.place.FacilityKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;

/**
 * The OSM tag → service category table, kept as data in {@code neo4j/osm/category-mapping.csv} (see the README
 * beside it). First matching row wins; {@code facility_kind} set makes the place a public facility.
 *
 * <p>A value may be a semicolon list ({@code shop=convenience;hairdresser}): the first value of the list that some
 * row maps decides, the others stay in the place's {@code osmTag}. An element with one of the {@link #POI_KEYS} that
 * no row matches lands in that key's {@code other_<key>} category (the first such key in {@link #POI_KEYS} order),
 * so every POI of the map is imported and a programme category still means exactly what its rows say.
 */
final class CategoryMapping {

    static final String LOCATION = "classpath:neo4j/osm/category-mapping.csv";

    /** The top-level keys whose every element is a place, each with its {@code other_<key>} category. */
    static final List<String> POI_KEYS = List.of("shop", "amenity", "healthcare", "leisure", "tourism", "office",
            "craft");

    /**
     * A match: the row's category, or {@code other_<key>} for an element no row maps; {@code value} is the value
     * that decided (the first mapped one of a list, or the list's first value for {@code other}).
     */
    record Rule(String key, String value, String category, FacilityKind facilityKind) {
    }

    private final List<Rule> rules;
    private final Set<String> keys;
    private final Set<String> mapped;

    CategoryMapping(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> k = new LinkedHashSet<>(POI_KEYS);
        Set<String> m = new java.util.HashSet<>();
        rules.forEach(r -> {
            k.add(r.key());
            m.add(r.key() + "=" + r.value());
        });
        this.keys = java.util.Collections.unmodifiableSet(k);
        this.mapped = Set.copyOf(m);
    }

    static CategoryMapping read(Resource resource, Set<String> categoryCodes) {
        String name = resource.getDescription();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            List<Rule> rules = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String category = record.get("category").trim();
                if (!categoryCodes.contains(category)) {
                    throw new ImportException(name + ":" + (record.getRecordNumber() + 1) + ": unknown category code '"
                            + category + "'");
                }
                String kind = record.get("facility_kind").trim();
                FacilityKind facilityKind = null;
                if (!kind.isEmpty()) {
                    try {
                        facilityKind = FacilityKind.valueOf(kind);
                    } catch (IllegalArgumentException e) {
                        throw new ImportException(name + ":" + (record.getRecordNumber() + 1)
                                + ": unknown facility kind '" + kind + "'");
                    }
                }
                rules.add(new Rule(record.get("key").trim(), record.get("value").trim(), category, facilityKind));
            }
            return new CategoryMapping(rules);
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The first rule the tags match, a semicolon list matching by its first mapped value. */
    Optional<Rule> match(Map<String, String> tags) {
        for (Rule rule : rules) {
            String value = tags.get(rule.key());
            if (value != null && rule.value().equals(firstMapped(rule.key(), value))) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The row the tags match, else the {@code other_<key>} category of their first POI key; empty without one. */
    Optional<Rule> resolve(Map<String, String> tags) {
        Optional<Rule> rule = match(tags);
        if (rule.isPresent()) {
            return rule;
        }
        for (String key : POI_KEYS) {
            String value = tags.get(key);
            if (value != null && !values(value).isEmpty()) {
                return Optional.of(new Rule(key, values(value).get(0), otherCategory(key), null));
            }
        }
        return Optional.empty();
    }

    static String otherCategory(String key) {
        return "other_" + key;
    }

    /** The values of a tag: a semicolon list split and trimmed, empty parts dropped. */
    static List<String> values(String value) {
        List<String> values = new ArrayList<>();
        for (String part : value.split(";")) {
            String v = part.strip();
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return values;
    }

    private String firstMapped(String key, String value) {
        for (String v : values(value)) {
            if (mapped.contains(key + "=" + v)) {
                return v;
            }
        }
        return null;
    }

    /** True when the tags carry a POI key or a key the table maps. */
    boolean hasPoiKey(Map<String, String> tags) {
        for (String key : keys) {
            if (tags.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** The first POI key/value the tags carry, for the statistics of places in an {@code other_*} category. */
    String poiTag(Map<String, String> tags) {
        for (String key : keys) {
            if (tags.containsKey(key)) {
                return key + "=" + tags.get(key);
            }
        }
        return null;
    }
}
