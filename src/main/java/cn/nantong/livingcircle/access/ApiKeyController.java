package cn.nantong.livingcircle.access;

import java.util.Collection;

import cn.nantong.livingcircle.api.CostReport;
import graphql.GraphQLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Key administration over GraphQL: admin keys only, never from a page of another origin (see the HTTP security). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ApiKeyController {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyController.class);

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record IssueApiKeyInput(String name, String tier, Boolean registeredDocumentsOnly) {
    }

    @QueryMapping
    Collection<ApiKey> apiKeys(@Argument Boolean includeRevoked, GraphQLContext context) {
        CostReport.of(context).markCallerSpecific();
        return keys.list(Boolean.TRUE.equals(includeRevoked));
    }

    @MutationMapping
    ApiKeyStore.IssuedKey issueApiKey(@Argument IssueApiKeyInput input) {
        ApiKeyStore.IssuedKey issued = keys.issue(input.name(), input.tier(),
                Boolean.TRUE.equals(input.registeredDocumentsOnly()));
        // the id only: the key text is never logged
        log.info("Issued API key {} ({}, {})", issued.apiKey().id(), issued.apiKey().tier(), issued.apiKey().name());
        return issued;
    }

    @MutationMapping
    ApiKey revokeApiKey(@Argument String id) {
        ApiKey revoked = keys.revoke(id);
        log.info("Revoked API key {}", revoked.id());
        return revoked;
    }
}
