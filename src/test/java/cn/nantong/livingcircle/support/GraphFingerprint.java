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

    /**
     * Like {@link #of} but independent of element ids, so two databases compare: each node is identified by its
     * labels and properties, each relationship by its type, properties and the identities of its ends; the digest is
     * over the sorted identities. Only nodes all of whose labels are in {@code labels} count, and relationships
     * between two of them.
     */
    public static GraphFingerprint ofContent(Driver driver, java.util.List<String> labels) {
        try (Session session = driver.session()) {
            java.util.Map<String, String> nodeIdentity = new java.util.HashMap<>();
            java.util.List<String> nodes = new java.util.ArrayList<>();
            java.util.List<String> relationships = new java.util.ArrayList<>();
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (n) WHERE size(labels(n)) > 0 AND all(l IN labels(n) WHERE l IN $labels)
                        RETURN elementId(n) AS id, labels(n) AS l, properties(n) AS p
                        """, java.util.Map.of("labels", labels)).forEachRemaining(r -> {
                    String identity = new java.util.TreeSet<>(r.get("l").asList(org.neo4j.driver.Value::asString))
                            + new java.util.TreeMap<>(r.get("p").asMap()).toString();
                    nodeIdentity.put(r.get("id").asString(), identity);
                    nodes.add(identity);
                });
                tx.run("""
                        MATCH (a)-[r]->(b)
                        RETURN elementId(a) AS a, type(r) AS t, elementId(b) AS b, properties(r) AS p
                        """).forEachRemaining(r -> {
                    String a = nodeIdentity.get(r.get("a").asString());
                    String b = nodeIdentity.get(r.get("b").asString());
                    if (a != null && b != null) {
                        relationships.add(a + "-" + r.get("t").asString() + new java.util.TreeMap<>(r.get("p").asMap())
                                + "->" + b);
                    }
                });
                return null;
            });
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.util.Collections.sort(nodes);
            java.util.Collections.sort(relationships);
            nodes.forEach(n -> digest.update((n + "\n").getBytes(StandardCharsets.UTF_8)));
            relationships.forEach(r -> digest.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
            return new GraphFingerprint(nodes.size(), relationships.size(), HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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
