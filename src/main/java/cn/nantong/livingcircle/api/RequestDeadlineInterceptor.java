package cn.nantong.livingcircle.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The deadline of every request ({@code circle.api.request-timeout}), outermost of the interceptors so that it covers
 * them all. At the deadline the client gets TIMEOUT (HTTP 504 from the HTTP handler, no data) and the execution is
 * cancelled through graphql-java's {@link ExecutionInput#cancel()}: no further field is fetched; a data fetcher
 * already running finishes in the background and its result is dropped.
 *
 * <p>Execution runs on a pool of its own rather than on the servlet thread. Our data fetchers are synchronous, so
 * graphql-java would otherwise run the whole operation inside the subscription on the request thread, and neither
 * could the answer leave at the deadline nor would Spring's own cancel-on-unsubscribe reach the execution (its
 * subscription only exists once the execution has returned). Thread-bound context reaches the data fetchers through
 * Spring for GraphQL's context propagation, captured on the request thread before the hop.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestDeadlineInterceptor implements WebGraphQlInterceptor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadlineInterceptor.class);

    private final Duration requestTimeout;
    private final ExecutorService executor;
    private final Scheduler scheduler;

    /** @param maxThreads as many as the servlet container's request threads, which hand their requests over here */
    RequestDeadlineInterceptor(RequestBoundsConfiguration.RequestBounds bounds,
            @Value("${server.tomcat.threads.max:200}") int maxThreads) {
        this.requestTimeout = bounds.requestTimeout();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "graphql-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        // a plain Executor, not the ExecutorService: Reactor cancels tasks of an ExecutorService by interrupting their
        // thread, which would break a running Neo4j query or search; the cancel flag is what stops the execution
        this.scheduler = Schedulers.fromExecutor(pool::execute);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Deadline deadline = new Deadline();
        request.configureExecutionInput((input, builder) -> {
            deadline.attach(input);
            return input;
        });
        return chain.next(request)
                .subscribeOn(scheduler)
                .timeout(requestTimeout, Mono.fromSupplier(() -> {
                    deadline.expire();
                    log.debug("Request {} ran past its deadline of {}; execution cancelled", request.getId(),
                            requestTimeout);
                    return timedOut(request);
                }));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("The request took longer than " + requestTimeout.toMillis() + " ms and was cancelled; "
                                + "ask for less (fewer aliases, smaller pages, fewer isochrone limits)")
                        .errorType(ErrorCode.TIMEOUT.classification())
                        .extensions(Map.of("code", ErrorCode.TIMEOUT.name(), "timeoutMillis",
                                requestTimeout.toMillis()))
                        .build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                ExecutionInput.newExecutionInput(request.getDocument()).build(), result));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /**
     * Joins the deadline, expiring on a timer thread, and the execution input, created on a pool thread when the
     * execution starts: whichever comes second cancels. graphql-java's transformed copies of the input share its
     * cancel flag, so cancelling the one seen here stops the execution.
     */
    static final class Deadline {
        private volatile ExecutionInput input;
        private volatile boolean expired;

        void attach(ExecutionInput executionInput) {
            input = executionInput;
            if (expired) {
                executionInput.cancel();
            }
        }

        void expire() {
            expired = true;
            ExecutionInput current = input;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
