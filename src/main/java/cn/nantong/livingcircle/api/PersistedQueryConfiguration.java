package cn.nantong.livingcircle.api;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persisted queries ({@link PersistedQueries}) as graphql-java's document provider, and the trusted documents
 * registry ({@link TrustedDocuments}), checked against the schema at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersistedQueryConfiguration.PersistedQuerySettings.class)
class PersistedQueryConfiguration {

    @Bean
    TrustedDocuments trustedDocuments(PersistedQuerySettings settings, ResourceLoader resources, JsonMapper json) {
        String location = settings.trustedDocuments();
        if (location == null || location.isBlank()) {
            return TrustedDocuments.none();
        }
        Resource resource = resources.getResource(location.trim());
        if (!resource.exists()) {
            throw new IllegalStateException("Trusted documents manifest " + location
                    + " (circle.api.trusted-documents) does not exist; set the property to a manifest, or to empty "
                    + "for none");
        }
        return TrustedDocuments.read(resource, location, json);
    }

    @Bean
    PersistedQueries persistedQueries(TrustedDocuments trustedDocuments, PersistedQuerySettings settings,
            MeterRegistry meters) {
        return new PersistedQueries(trustedDocuments, settings.persistedQueryCacheChars(), meters);
    }

    @Bean
    GraphQlSourceBuilderCustomizer persistedQueryProvider(PersistedQueries persistedQueries) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(persistedQueries));
    }

    /** The schema exists only once the GraphQL source is built, after the registry: hence a check of its own. */
    @Bean
    InitializingBean trustedDocumentsCheck(TrustedDocuments trustedDocuments, GraphQlSource graphQlSource) {
        return () -> trustedDocuments.validate(graphQlSource.schema());
    }

    /**
     * @param trustedDocuments          location of the trusted documents manifest (Apollo's persisted-query manifest
     *                                  format); empty for none
     * @param persistedQueryCacheChars  total length of the query texts clients may register as automatic persisted
     *                                  queries on one replica; beyond it, the least used are dropped
     */
    @ConfigurationProperties("circle.api")
    record PersistedQuerySettings(@DefaultValue("classpath:trusted-documents/manifest.json") String trustedDocuments,
            @DefaultValue("1048576") long persistedQueryCacheChars) {
    }
}
