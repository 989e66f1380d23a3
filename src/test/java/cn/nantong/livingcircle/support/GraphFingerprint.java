package cn.nantong.livingcircle.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Counts and a SHA-256 over every node (labels, properties) and relationship (type, end ids, properties) in a
 * canonical order: equal fingerprints mean nothing was written.
 */
public record GraphFingerprint(long nodes, long relationships, String sha256) {

    public static GraphFingerprint of(Driver driver) {
        try (Session session = driver.session()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long[] counts = new long[2];
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (n) WITH n ORDER BY elementId(n)
                        RETURN labels(n) AS l, properties(n) AS p
                        """).forEachRemaining(r -> {
                    counts[0]++;
                    digest.update(r.get("l").toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(new java.util.TreeMap<>(r.get("p").asMap()).toString().getBytes(StandardCharsets.UTF_8));
                });
                tx.run("""
                        MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r)
                        RETURN elementId(a) AS a, type(r) AS t, elementId(b) AS b, properties(r) AS p
                        """).forEachRemaining(r -> {
                    counts[1]++;
                    digest.update((r.get("a").asString() + r.get("t").asString() + r.get("b").asString())
                            .getBytes(StandardCharsets.UTF_8));
                    digest.update(new java.util.TreeMap<>(r.get("p").asMap()).toString().getBytes(StandardCharsets.UTF_8));
                });
                return null;
            });
            return new GraphFingerprint(counts[0], counts[1], HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
