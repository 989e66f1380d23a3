package cn.nantong.livingcircle.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.ApiException;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The category catalogue, read from the graph (it is data, seeded by a migration) and kept in memory: a few dozen
 * rows that every place and every filter refers to. Refreshed every minute so a replica sees catalogue changes
 * without a restart.
 */
@Component
public class CategoryCatalog {

    private static final Comparator<ServiceCategory> ORDER = Comparator.comparing(ServiceCategory::tier)
            .thenComparingInt(ServiceCategory::targetMinutes).thenComparing(ServiceCategory::code);

    private final Neo4jClient neo4j;
    private final TransactionTemplate readOnly;
    private final LoadingCache<String, Map<String, ServiceCategory>> cache;

    CategoryCatalog(Neo4jClient neo4j, TransactionTemplate readOnlyTransactions, MeterRegistry meters) {
        this.neo4j = neo4j;
        this.readOnly = readOnlyTransactions;
        this.cache = Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(1)).recordStats()
                .build(key -> load());
        CaffeineCacheMetrics.monitor(meters, cache, "categories");
    }

    /** Every category, ordered by tier, target time and code. */
    public List<ServiceCategory> all() {
        return List.copyOf(cache.get("all").values());
    }

    /** The programme's categories (basic and quality tiers), without the {@code other_*} ones: what coverage counts. */
    public List<ServiceCategory> programme() {
        return all().stream().filter(c -> c.tier() != Tier.OTHER).toList();
    }

    public Optional<ServiceCategory> byCode(String code) {
        return Optional.ofNullable(cache.get("all").get(code));
    }

    /** The category of a code that is known to exist in the graph (a place's category). */
    public ServiceCategory require(String code) {
        return byCode(code).orElseThrow(() -> new IllegalStateException("Category missing from catalogue: " + code));
    }

    /**
     * Validates client-supplied codes.
     *
     * @throws ApiException {@code UNKNOWN_CATEGORY} naming the first unknown code
     */
    public List<ServiceCategory> resolve(String argument, Collection<String> codes) {
        Map<String, ServiceCategory> known = cache.get("all");
        for (String code : codes) {
            if (!known.containsKey(code)) {
                throw new ApiException(ApiException.ErrorCode.UNKNOWN_CATEGORY,
                        "Unknown category code '" + code + "' in argument '" + argument + "'; see the categories query",
                        Map.of("argument", argument, "value", code));
            }
        }
        return codes.stream().map(known::get).toList();
    }

    public void invalidate() {
        cache.invalidateAll();
    }

    private Map<String, ServiceCategory> load() {
        List<ServiceCategory> rows = readOnly.execute(status -> List.copyOf(neo4j.query("""
                        MATCH (c:ServiceCategory)
                        RETURN c.code AS code, c.nameZh AS nameZh, c.nameEn AS nameEn, c.tier AS tier,
                               c.function AS function, c.targetMinutes AS targetMinutes
                        """)
                .fetchAs(ServiceCategory.class)
                .mappedBy((types, r) -> new ServiceCategory(r.get("code").asString(), r.get("nameZh").asString(),
                        r.get("nameEn").asString(), Tier.valueOf(r.get("tier").asString()),
                        ServiceFunction.valueOf(r.get("function").asString()), r.get("targetMinutes").asInt()))
                .all()));
        return rows.stream().sorted(ORDER).collect(Collectors.toMap(ServiceCategory::code, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
