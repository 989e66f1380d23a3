package cn.nantong.livingcircle.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.types.MapAccessor;

/**
 * Runs one {@code UNWIND $rows AS r ...} statement over a list of parameter rows in batches, inside the caller's
 * transaction: the bulk-write primitive every writer uses (the driver, not entity mapping, for hundreds of thousands
 * of rows).
 */
public final class CypherBatches {

    /** Rows per statement: large enough to amortise the round trip, small enough to keep each parameter list modest. */
    public static final int ROWS = 10_000;

    private CypherBatches() {
    }

    /** For callers that do not report progress. */
    public static final IntConsumer SILENT = done -> { };

    public static void run(SimpleQueryRunner tx, String cypher, List<?> rows) {
        run(tx, cypher, rows, SILENT);
    }

    /** @param progress told the number of rows written so far after each batch */
    public static void run(SimpleQueryRunner tx, String cypher, List<?> rows, IntConsumer progress) {
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<?> batch = rows.subList(from, Math.min(rows.size(), from + ROWS));
            tx.run(cypher, Map.of("rows", batch)).consume();
            progress.accept(from + batch.size());
        }
    }

    /**
     * Reads every row of {@code cypher}'s {@code row} column with {@code mapper}, keyed by {@code id}, in the query's
     * order: how a writer hands back what it stored, for a comparison before the next import.
     */
    public static <T> Map<String, T> readById(SimpleQueryRunner tx, String cypher, Function<MapAccessor, T> mapper,
            Function<T, String> id) {
        Map<String, T> rows = new LinkedHashMap<>();
        tx.run(cypher).forEachRemaining(r -> {
            T row = mapper.apply(r.get("row"));
            rows.put(id.apply(row), row);
        });
        return rows;
    }

    /** A parameter map from alternating keys and values that, unlike {@code Map.of}, keeps null values. */
    public static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
