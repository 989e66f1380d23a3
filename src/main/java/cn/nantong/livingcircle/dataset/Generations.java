package cn.nantong.livingcircle.dataset;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of {@code (:Generation {number, state})}: the versions of the dataset in the graph. Every node of
 * the dataset (districts, subdistricts, communities, buildings, places, commercial centres, junctions, the dataset
 * node) carries its generation's number, and every reader asks for the {@code ACTIVE} one. An import
 * {@linkplain #stage stages} a new generation, writes it in as many small transactions as it likes (invisible to
 * readers, who ask for the active number), then {@linkplain #activate activates} it in one transaction that touches
 * only the two {@code Generation} nodes and the programme records that point into the dataset; the generation it
 * replaces is {@code RETIRED} and {@linkplain #deleteInactive deleted} in batches afterwards. A killed import leaves
 * a {@code STAGED} generation that nobody reads and the next import deletes.
 *
 * <p>One import at a time: a second one's {@link #stage} deletes the first one's staged generation, which then
 * fails at {@link #activate} with that message.
 */
public final class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private Generations() {
    }

    /** The active generation's number, or null when no dataset was ever activated. */
    public static Long active(Session session) {
        return session.executeRead(tx -> tx.run("MATCH (g:Generation {state: 'ACTIVE'}) RETURN g.number AS number")
                .list(r -> r.get("number").asLong())).stream().findFirst().orElse(null);
    }

    /**
     * Write-locks the active generation for the rest of {@code tx} (a write that changes nothing), so a maintenance
     * write and an activation are serialised: the write lands in the generation that stays active until it commits.
     *
     * @return the active generation's number
     * @throws IllegalStateException when no generation is active
     */
    public static long lockActive(SimpleQueryRunner tx) {
        List<Long> active = tx.run("""
                MATCH (g:Generation {state: 'ACTIVE'})
                SET g.number = g.number
                RETURN g.number AS number
                """).list(r -> r.get("number").asLong());
        if (active.isEmpty()) {
            throw new IllegalStateException("No dataset generation is active");
        }
        return active.get(0);
    }

    /**
     * Deletes what earlier imports left unfinished, then opens a new generation, numbered after every one the
     * graph has seen, in state {@code STAGED}.
     */
    public static long stage(Neo4jSessions sessions, IntConsumer progress) {
        try (Session session = sessions.write()) {
            // numbered before the leftovers are deleted, so a number is never given twice
            long number = session.executeRead(tx -> tx.run("""
                    OPTIONAL MATCH (g:Generation)
                    RETURN coalesce(max(g.number), 0) + 1 AS number
                    """).single().get("number").asLong());
            deleteInactive(session, "STAGED", progress);
            session.executeWrite(tx -> tx.run("""
                    CREATE (n:Generation {number: $number, state: 'STAGED', createdAt: datetime()})
                    """, Map.of("number", number)).consume());
            return number;
        }
    }

    /**
     * Makes {@code number} the active generation and retires the one it replaces, in one transaction. The
     * programme's living circles ({@code (:LivingCircle)-[:SERVES]->(:Community)}), which are not part of any
     * generation, are pointed at the new generation's communities of the same ids in the same transaction.
     *
     * @return the retired generation's number, or null when none was active
     * @throws IllegalStateException when the staged generation is gone (another import took over)
     */
    public static Long activate(Session session, long number) {
        return session.executeWrite(tx -> {
            List<Long> staged = tx.run("MATCH (n:Generation {number: $number, state: 'STAGED'}) RETURN n.number AS n",
                    Map.of("number", number)).list(r -> r.get("n").asLong());
            if (staged.isEmpty()) {
                throw new IllegalStateException("Generation " + number + " is no longer staged: another import "
                        + "started meanwhile and discarded it");
            }
            List<Long> retired = tx.run("""
                    MATCH (old:Generation {state: 'ACTIVE'})
                    SET old.state = 'RETIRED', old.retiredAt = datetime()
                    RETURN old.number AS number
                    """).list(r -> r.get("number").asLong());
            tx.run("""
                    MATCH (n:Generation {number: $number})
                    SET n.state = 'ACTIVE', n.activatedAt = datetime()
                    """, Map.of("number", number)).consume();
            tx.run("""
                    MATCH (lc:LivingCircle)-[s:SERVES]->(old:Community)
                    WHERE old.generation <> $number
                    OPTIONAL MATCH (fresh:Community {id: old.id, generation: $number})
                    DELETE s
                    WITH lc, fresh WHERE fresh IS NOT NULL
                    MERGE (lc)-[:SERVES]->(fresh)
                    """, Map.of("number", number)).consume();
            return retired.isEmpty() ? null : retired.get(0);
        });
    }

    /**
     * Deletes every node of every generation in {@code state} ({@code RETIRED} or {@code STAGED}), a thousand nodes
     * (with their relationships: a building takes its walking edges) per transaction, then the generation nodes.
     *
     * @param progress told the number of nodes deleted so far
     * @return the number of nodes deleted
     */
    public static long deleteInactive(Session session, String state, IntConsumer progress) {
        List<Long> numbers = session.executeRead(tx -> tx.run(
                "MATCH (g:Generation {state: $state}) RETURN g.number AS number ORDER BY number",
                Map.of("state", state)).list(r -> r.get("number").asLong()));
        long deleted = 0;
        for (long number : numbers) {
            // only the dataset's nodes carry a generation; the scan streams, deleting as it goes
            deleted += session.run("""
                    MATCH (n) WHERE n.generation = $number
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
                    """, Map.of("number", number)).consume().counters().nodesDeleted();
            progress.accept((int) Math.min(Integer.MAX_VALUE, deleted));
            session.executeWrite(tx -> tx.run("MATCH (g:Generation {number: $number}) DELETE g",
                    Map.of("number", number)).consume());
            log.info("Deleted {} generation {}", state.toLowerCase(java.util.Locale.ROOT), number);
        }
        return deleted;
    }
}
