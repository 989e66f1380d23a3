package cn.nantong.livingcircle.access;

import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Spring Security's opaque bearer-token introspection, answered from our own key store instead of an authorization
 * server: a valid key becomes a principal named by the key id with the authority {@code ROLE_<tier>}.
 */
@Component
class ApiKeyIntrospector implements OpaqueTokenIntrospector {

    static final String TIER = "tier";
    static final String REGISTERED_DOCUMENTS_ONLY = "registeredDocumentsOnly";

    private final ApiKeys keys;

    ApiKeyIntrospector(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        ApiKey key;
        try {
            key = keys.recognise(token)
                    .orElseThrow(() -> new BadOpaqueTokenException("The API key is unknown or revoked"));
        }
        // a transaction that cannot begin (database down) is a TransactionException, not a DataAccessException
        catch (DataAccessException | TransactionException | org.neo4j.driver.exceptions.Neo4jException ex) {
            throw new AuthenticationServiceException("The key store cannot be read", ex);
        }
        return new DefaultOAuth2AuthenticatedPrincipal(key.id(),
                Map.of(TIER, key.tier(), REGISTERED_DOCUMENTS_ONLY, key.registeredDocumentsOnly(), "name", key.name()),
                List.of(new SimpleGrantedAuthority("ROLE_" + key.tier().name())));
    }
}
