package cn.nantong.livingcircle.system;

import java.util.HashMap;
import java.util.Map;

import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * A query runner that adds {@code $generation} to every statement it runs: how a writer is told which dataset
 * generation its rows belong to (the new one an import is staging, or the active one a maintenance write or an OSM
 * diff changes) without every writer method growing a parameter. Every node of the dataset carries its
 * generation, and every writer's Cypher matches and merges on {@code {id: ..., generation: $generation}}.
 */
public final class GenerationScoped implements SimpleQueryRunner {

    public static final String PARAMETER = "generation";

    private final SimpleQueryRunner delegate;
    private final long generation;

    private GenerationScoped(SimpleQueryRunner delegate, long generation) {
        this.delegate = delegate;
        this.generation = generation;
    }

    /** {@code runner} (a transaction, or a session whose every statement is then its own transaction) scoped to one generation. */
    public static GenerationScoped of(SimpleQueryRunner runner, long generation) {
        return new GenerationScoped(runner, generation);
    }

    public long generation() {
        return generation;
    }

    @Override
    public Result run(String query, Value parameters) {
        return run(query, parameters.asMap());
    }

    @Override
    public Result run(String query, Map<String, Object> parameters) {
        Map<String, Object> scoped = new HashMap<>(parameters);
        scoped.put(PARAMETER, generation);
        return delegate.run(query, scoped);
    }

    @Override
    public Result run(String query, Record parameters) {
        return run(query, parameters.asMap());
    }

    @Override
    public Result run(String query) {
        return run(query, Map.of());
    }

    @Override
    public Result run(Query query) {
        return run(query.text(), query.parameters().asMap());
    }
}
