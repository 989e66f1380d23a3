package cn.nantong.livingcircle.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;

import cn.nantong.livingcircle.api.AccessTier;
import cn.nantong.livingcircle.api.Caller;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link Caller} of every GraphQL request into its context, from what Spring Security established: a key's
 * id, tier and document restriction, or, without a key, the client address. The address is the connection's peer
 * unless it is a trusted proxy ({@code CIRCLE_TRUSTED_PROXIES}, Tomcat's RemoteIpValve), in which case it is the
 * last untrusted address of {@code X-Forwarded-For}. An IPv6 client is counted by its /64, which one subscriber
 * usually holds whole: counting single addresses would give one person 2^64 budgets.
 */
@Component
@Order(0)
class CallerInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Caller caller = caller(SecurityContextHolder.getContext().getAuthentication(), request.getRemoteAddress());
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build());
        return chain.next(request);
    }

    static Caller caller(Authentication authentication, InetSocketAddress remote) {
        if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal key
                && key.getAttribute(ApiKeyIntrospector.TIER) instanceof AccessTier tier) {
            return new Caller("key:" + key.getName(), tier,
                    Boolean.TRUE.equals(key.getAttribute(ApiKeyIntrospector.REGISTERED_DOCUMENTS_ONLY)));
        }
        return Caller.anonymous(address(remote));
    }

    static String address(InetSocketAddress remote) {
        if (remote == null || remote.getAddress() == null) {
            return remote == null ? "unknown" : remote.getHostString();
        }
        InetAddress address = remote.getAddress();
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            catch (java.net.UnknownHostException ex) {
                return address.getHostAddress();
            }
        }
        return address.getHostAddress();
    }
}
