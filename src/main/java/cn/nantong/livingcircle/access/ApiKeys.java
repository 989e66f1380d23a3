package cn.nantong.livingcircle.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.nantong.livingcircle.api.AccessTier;
import cn.nantong.livingcircle.api.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Service;

/**
 * Issuing, listing, revoking and recognising API keys. Recognition is cached per key hash (unknown hashes too, so
 * that a stream of made-up keys costs no database read each), for {@code circle.access.key-cache-ttl}.
 */
@Service
class ApiKeys {

    static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyStore store;
    private final Cache<String, Optional<ApiKey>> byHash;

    ApiKeys(ApiKeyStore store, AccessProperties properties, MeterRegistry meters) {
        this.store = store;
        this.byHash = Caffeine.newBuilder().expireAfterWrite(properties.keyCacheTtl()).maximumSize(10_000)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(meters, byHash, "api-keys");
    }

    /** The valid (known, not revoked) key with this text. */
    Optional<ApiKey> recognise(String keyText) {
        if (!ApiKeySecret.wellFormed(keyText)) {
            return Optional.empty();
        }
        return byHash.get(ApiKeySecret.hash(keyText), store::findByHash).filter(key -> !key.revoked());
    }

    ApiKeyStore.IssuedKey issue(String name, String tierName, boolean registeredDocumentsOnly) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new ApiException(ApiException.ErrorCode.OUT_OF_RANGE, "A key's name must have 1 to "
                    + MAX_NAME_LENGTH + " characters", Map.of("argument", "name", "min", 1, "max", MAX_NAME_LENGTH));
        }
        AccessTier tier = tier(tierName);
        return store.issue(trimmed, tier, registeredDocumentsOnly);
    }

    Collection<ApiKey> list(boolean includeRevoked) {
        return store.list(includeRevoked);
    }

    ApiKey revoke(String id) {
        ApiKey revoked = store.revoke(id).orElseThrow(() -> ApiException.notFound("ApiKey", id));
        // this replica stops accepting it at once; the others when their cache entry expires
        byHash.invalidateAll();
        return revoked;
    }

    private static AccessTier tier(String name) {
        AccessTier tier = null;
        try {
            tier = name == null ? null : AccessTier.valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            // answered below
        }
        if (tier == null || !ApiKeyStore.issuableTiers().contains(tier)) {
            throw new ApiException(ApiException.ErrorCode.BAD_USER_INPUT, "A key's tier is one of "
                    + ApiKeyStore.issuableTiers() + ", was '" + name + "'", Map.of("argument", "tier"));
        }
        return tier;
    }
}
