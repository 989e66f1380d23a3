package cn.nantong.livingcircle.api;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

/**
 * What the {@code graphql.request} metric is tagged with beyond Spring's outcome and operation type: the request's
 * {@code operationName}, but only when it names a registered (trusted) document; any other name is {@code other},
 * none {@code anonymous}.
 * A name chosen by the client as a metric tag would let anyone create unbounded time series.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservationConfiguration {

    static final String OPERATION_NAME = "graphql.operation.name";

    @Bean
    ExecutionRequestObservationConvention operationNameConvention(TrustedDocuments trustedDocuments) {
        Set<String> registered = trustedDocuments.operations().stream().map(TrustedDocuments.Operation::name)
                .collect(Collectors.toUnmodifiableSet());
        return new DefaultExecutionRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
                String name = context.getExecutionInput().getOperationName();
                String tag = name == null || name.isBlank() ? "anonymous" : registered.contains(name) ? name : "other";
                return super.getLowCardinalityKeyValues(context).and(KeyValue.of(OPERATION_NAME, tag));
            }
        };
    }

    /** Every error answered, by {@code extensions.code}: refusals by reason for the dashboard. */
    @Bean
    ErrorCodeMetrics errorCodeMetrics(MeterRegistry meters) {
        return new ErrorCodeMetrics(meters);
    }

    /** Counts {@code circle.graphql.errors{code}}; the codes are the enum's, so the series are bounded. */
    static final class ErrorCodeMetrics {
        private final MeterRegistry meters;

        ErrorCodeMetrics(MeterRegistry meters) {
            this.meters = meters;
        }

        void count(Object code) {
            String tag = code instanceof String text && isKnown(text) ? text : "OTHER";
            Counter.builder("circle.graphql.errors").description("Errors answered, by extensions.code")
                    .tag("code", tag).register(meters).increment();
        }

        private static boolean isKnown(String code) {
            for (ApiException.ErrorCode known : ApiException.ErrorCode.values()) {
                if (known.name().equals(code)) {
                    return true;
                }
            }
            return false;
        }
    }
}
