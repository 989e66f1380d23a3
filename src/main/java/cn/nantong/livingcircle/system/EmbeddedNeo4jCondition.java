package cn.nantong.livingcircle.system;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The one place that decides embedded versus external: embedded unless {@code NEO4J_URI} is set
 * (environment variable, system property or command-line argument).
 */
class EmbeddedNeo4jCondition extends SpringBootCondition {

    static final String URI_PROPERTY = "NEO4J_URI";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty(URI_PROPERTY);
        return StringUtils.hasText(uri)
                ? ConditionOutcome.noMatch(URI_PROPERTY + " is set: using the external Neo4j at " + uri)
                : ConditionOutcome.match(URI_PROPERTY + " is not set: starting the embedded Neo4j");
    }
}
