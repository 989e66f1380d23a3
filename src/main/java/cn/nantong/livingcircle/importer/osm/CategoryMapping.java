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
 */
final class CategoryMapping {

    static final String LOCATION = "classpath:neo4j/osm/category-mapping.csv";

    record Rule(String key, String value, String category, FacilityKind facilityKind) {
    }

    private final List<Rule> rules;
    private final Set<String> keys;

    CategoryMapping(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> k = new LinkedHashSet<>();
        rules.forEach(r -> k.add(r.key()));
        this.keys = Set.copyOf(k);
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

    /** The first rule the tags match. */
    Optional<Rule> match(Map<String, String> tags) {
        for (Rule rule : rules) {
            if (rule.value().equals(tags.get(rule.key()))) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** True when the tags carry a key the table maps (so an element without a matching rule counts as unmapped). */
    boolean hasPoiKey(Map<String, String> tags) {
        for (String key : keys) {
            if (tags.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** The first POI key/value the tags carry, for the unmapped statistics. */
    String poiTag(Map<String, String> tags) {
        for (String key : keys) {
            if (tags.containsKey(key)) {
                return key + "=" + tags.get(key);
            }
        }
        return null;
    }
}
