package cn.nantong.livingcircle.api;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A thousand aliases of a field that costs nothing are still refused before execution. */
@ApplicationIT
class AliasLimitIT {

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    QueryLimitsConfiguration.QueryLimits limits;

    private static String aliased(int count, String field) {
        return IntStream.range(0, count).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining(" ", "{ ", " }"));
    }

    @Test
    void aThousandAliasesOfAFreeFieldAreRefusedNamingTheCountAndTheLimit() {
        graphQl.document(aliased(1000, "categories { code }")).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            Map<String, Object> extensions = errors.get(0).getExtensions();
            assertThat(extensions).containsEntry("code", "QUERY_TOO_COMPLEX").containsEntry("limit", limits.maxAliases());
            assertThat(((Number) extensions.get("aliases")).longValue()).isEqualTo(1000);
        });
    }

    @Test
    void aliasesCountAtEveryFragmentSpreadAndUpToTheLimitAreServed() {
        graphQl.document(aliased(limits.maxAliases(), "categories { code }")).execute().errors().verify();
        String spreadTwice = "query { ...f x: categories { code } } fragment f on Query { "
                + IntStream.range(0, limits.maxAliases()).mapToObj(i -> "f" + i + ": categories { code }")
                .collect(Collectors.joining(" ")) + " }";
        graphQl.document(spreadTwice).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX")));
    }
}
