package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import graphql.ExecutionInput;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the run-time bounds that need no application: deadline, answer buffer, permits, what is heavy. */
class RequestBoundsTests {

    @Test
    void aDeadlineThatExpiresBeforeTheExecutionStartsCancelsItAsSoonAsItStarts() {
        RequestDeadlineInterceptor.Deadline deadline = new RequestDeadlineInterceptor.Deadline();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").build();
        deadline.expire();
        assertThat(input.isCancelled()).isFalse();
        deadline.attach(input);
        assertThat(input.isCancelled()).isTrue();
    }

    @Test
    void anExpiredDeadlineCancelsTheRunningExecutionAndEveryCopyGraphQlJavaMadeOfItsInput() {
        RequestDeadlineInterceptor.Deadline deadline = new RequestDeadlineInterceptor.Deadline();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").build();
        deadline.attach(input);
        ExecutionInput transformed = input.transform(builder -> builder.operationName("x"));
        assertThat(transformed.isCancelled()).isFalse();
        deadline.expire();
        assertThat(input.isCancelled()).isTrue();
        assertThat(transformed.isCancelled()).isTrue();
    }

    @Test
    void theResponseBufferKeepsBytesUpToItsLimitAndCountsThoseBeyond() {
        StrictGraphQlHttpHandler.CappedBuffer buffer = new StrictGraphQlHttpHandler.CappedBuffer(10);
        buffer.write("0123456789".getBytes(StandardCharsets.UTF_8), 0, 10);
        assertThat(buffer.overflowed()).isFalse();
        assertThat(new String(buffer.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
        buffer.write('x');
        buffer.write(new byte[100_000], 0, 100_000);
        assertThat(buffer.overflowed()).isTrue();
        assertThat(buffer.count()).isEqualTo(100_011);
    }

    @Test
    void theBulkheadRefusesWhenEveryPermitStaysTakenAndTellsHowLongToWait() {
        HeavyRequestBulkhead bulkhead = new HeavyRequestBulkhead(1, Duration.ofMillis(1));
        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.tryAcquire()).isFalse();
        bulkhead.release();
        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.retryAfterSeconds()).isEqualTo(1);
        assertThat(new HeavyRequestBulkhead(1, Duration.ofMillis(2500)).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void zeroConcurrentHeavyRequestsMeansOnePermitPerCpu() {
        var bounds = new RequestBoundsConfiguration.RequestBounds(Duration.ofSeconds(10), 1, 500, 0, Duration.ofSeconds(2));
        assertThat(bounds.heavyPermits()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void searchesAreCountedPerFieldInstanceAndReachFromABuildingIsNotOne() throws IOException {
        GraphQLSchema schema = schema();
        assertThat(searches(schema, "{ a: isochrone(from: {point: {lat: 1, lon: 2}}) { minutes } "
                + "b: isochrone(from: {point: {lat: 1, lon: 2}}) { minutes } }")).isEqualTo(2);
        assertThat(searches(schema, "{ reachable(from: {point: {lat: 1, lon: 2}}) { totalCount } }")).isEqualTo(1);
        assertThat(searches(schema, "{ reachable(from: {buildingId: \"b\"}) { totalCount } }")).isZero();
        assertThat(searches(schema, "{ whatIf(remove: [\"p\"]) { pace } siteSuggestions(category: \"c\") { rank } "
                + "gaps(category: \"c\") { totalCount } coverage(communityId: \"c\") { __typename } }")).isEqualTo(4);
        assertThat(searches(schema, "{ categories { code } cityStats { __typename } }")).isZero();
    }

    private static long searches(GraphQLSchema schema, String query) {
        return QueryCost.measure(schema, Parser.parse(query), null, CoercedVariables.emptyVariables()).searches();
    }

    private static GraphQLSchema schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }
}
