package cn.nantong.livingcircle.dataset;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One dataset per answer: pins the current dataset ({@link DatasetService#pin}) when the execution starts, on the
 * thread the deadline interceptor hands it to (our data fetchers are synchronous, so graphql-java runs the whole
 * operation there), and lets go when it ends. Without it, a request whose fields read the graph one after another
 * could see the old generation in one field and the new one in the next while an import switches generations.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatasetPinInterceptor implements WebGraphQlInterceptor {

    private final DatasetService datasets;

    DatasetPinInterceptor(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // the interceptors after this one run now, on the request thread (they read its security context); the
        // execution itself starts on subscription, on the deadline interceptor's thread, which is where to pin
        Mono<WebGraphQlResponse> execution = chain.next(request);
        return Mono.defer(() -> {
            DatasetService.Pin pin = datasets.pin();
            return execution.doFinally(signal -> datasets.unpin(pin));
        });
    }
}
