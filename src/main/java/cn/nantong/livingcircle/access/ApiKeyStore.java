package cn.nantong.livingcircle.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.nantong.livingcircle.api.AccessTier;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one reader and writer of {@code (:ApiKey)} nodes. Reads (recognising a caller's key on every first request
 * with it, listing keys) in read-only transactions: outside a transaction {@code Neo4jClient} opens a WRITE
 * session, which a {@code neo4j://} routing driver sends to the cluster's leader.
 */
@Repository
@Transactional(readOnly = true)
class ApiKeyStore {

    static final String KEY_PROJECTION = """
            k.id AS id, k.name AS name, k.tier AS tier, k.registeredDocumentsOnly AS registeredDocumentsOnly,
            toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt""";

    private final Neo4jClient neo4j;

    ApiKeyStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Issues a key; returns the stored key and the key text, which exists nowhere else from now on. */
    @Transactional
    IssuedKey issue(String name, AccessTier tier, boolean registeredDocumentsOnly) {
        String[] generated = ApiKeySecret.generate();
        ApiKey key = neo4j.query("""
                        CREATE (k:ApiKey {id: $id, hash: $hash, name: $name, tier: $tier,
                                          registeredDocumentsOnly: $registeredDocumentsOnly, createdAt: datetime($now)})
                        RETURN %s
                        """.formatted(KEY_PROJECTION))
                .bind(generated[0]).to("id")
                .bind(ApiKeySecret.hash(generated[1])).to("hash")
                .bind(name).to("name")
                .bind(tier.name()).to("tier")
                .bind(registeredDocumentsOnly).to("registeredDocumentsOnly")
                .bind(Instant.now().toString()).to("now")
                .fetchAs(ApiKey.class).mappedBy((types, row) -> key(row)).one().orElseThrow();
        return new IssuedKey(generated[1], key);
    }

    /** A key text and the key it is; the text is shown once. */
    record IssuedKey(String key, ApiKey apiKey) {
    }

    Optional<ApiKey> findByHash(String hash) {
        return neo4j.query("""
                        MATCH (k:ApiKey {hash: $hash})
                        RETURN %s
                        """.formatted(KEY_PROJECTION))
                .bind(hash).to("hash")
                .fetchAs(ApiKey.class).mappedBy((types, row) -> key(row)).one();
    }

    Collection<ApiKey> list(boolean includeRevoked) {
        return neo4j.query("""
                        MATCH (k:ApiKey) WHERE $includeRevoked OR k.revokedAt IS NULL
                        RETURN %s ORDER BY k.createdAt, k.id
                        """.formatted(KEY_PROJECTION))
                .bind(includeRevoked).to("includeRevoked")
                .fetchAs(ApiKey.class).mappedBy((types, row) -> key(row)).all();
    }

    /** Revokes the key (once: a second revocation keeps the first instant); empty if there is no such key. */
    @Transactional
    Optional<ApiKey> revoke(String id) {
        return neo4j.query("""
                        MATCH (k:ApiKey {id: $id})
                        SET k.revokedAt = coalesce(k.revokedAt, datetime($now))
                        RETURN %s
                        """.formatted(KEY_PROJECTION))
                .bind(id).to("id")
                .bind(Instant.now().toString()).to("now")
                .fetchAs(ApiKey.class).mappedBy((types, row) -> key(row)).one();
    }

    private static ApiKey key(Record row) {
        return new ApiKey(row.get("id").asString(), row.get("name").asString(),
                AccessTier.valueOf(row.get("tier").asString()), row.get("registeredDocumentsOnly").asBoolean(false),
                row.get("createdAt").asString(), row.get("revokedAt").isNull() ? null : row.get("revokedAt").asString());
    }

    static List<AccessTier> issuableTiers() {
        return List.of(AccessTier.DEVELOPER, AccessTier.PARTNER, AccessTier.ADMIN);
    }
}
