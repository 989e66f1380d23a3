package cn.nantong.livingcircle.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code circle.requests.refused{reason}}: every request of which nothing was answered, counted once, by the code of
 * its (first) error, whichever layer refused it: the strict HTTP reader and the content-type filter (before GraphQL),
 * Spring Security, the download endpoint, GraphQL itself (limits, cost, rate limit, deadline, overload, bad input)
 * and the response-size cap (after GraphQL). {@code circle.graphql.errors{code}} counts errors instead, and only
 * those of executed GraphQL requests; a request refused at the door never reaches it. The reason is an
 * {@link ErrorCode} name (anything else is {@code OTHER}), so the series are bounded by the enum.
 */
@Component
public class RequestRefusals {

    /** The protections: registered up front, so a dashboard shows zero rather than no data until the first refusal. */
    static final List<ErrorCode> PROTECTIONS = List.of(ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.QUERY_TOO_COSTLY,
            ErrorCode.RATE_LIMITED, ErrorCode.OVERLOADED, ErrorCode.TIMEOUT, ErrorCode.RESPONSE_TOO_LARGE,
            ErrorCode.BAD_REQUEST_BODY, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN,
            ErrorCode.SERVICE_UNAVAILABLE);

    private final MeterRegistry meters;
    private final Map<ErrorCode, Counter> counters = new EnumMap<>(ErrorCode.class);

    RequestRefusals(MeterRegistry meters) {
        this.meters = meters;
        for (ErrorCode code : PROTECTIONS) {
            counters.put(code, counter(code.name()));
        }
    }

    /** One request refused with {@code code}. */
    public void refused(ErrorCode code) {
        Counter counter;
        synchronized (counters) {
            counter = counters.computeIfAbsent(code, c -> counter(c.name()));
        }
        counter.increment();
    }

    /** One request refused with the code a GraphQL error carries in {@code extensions.code}. */
    void refused(Object code) {
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(code)) {
                refused(known);
                return;
            }
        }
        counter("OTHER").increment();
    }

    private Counter counter(String reason) {
        return Counter.builder("circle.requests.refused")
                .description("Requests of which nothing was answered, by the code of their first error")
                .tag("reason", reason).register(meters);
    }
}
