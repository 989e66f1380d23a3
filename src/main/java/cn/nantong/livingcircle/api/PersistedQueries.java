package cn.nantong.livingcircle.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.language.Document;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Persisted queries, as graphql-java's {@link ApolloPersistedQuerySupport} reads them
 * ({@code extensions.persistedQuery = {version: 1, sha256Hash}}): a hash alone runs the document registered under
 * it, first among the {@link TrustedDocuments}, then among those registered by clients (automatic persisted
 * queries, kept per replica in a cache bounded by the total length of their text); an unknown hash is
 * PERSISTED_QUERY_NOT_FOUND, so the client sends the text with the hash and the document is registered. A text
 * whose SHA-256 is not the hash sent with it is PERSISTED_QUERY_HASH_MISMATCH, checked on every request, not only
 * on a cache miss as the library does: otherwise a registered hash would run its own document whatever text came
 * with it.
 *
 * <p>A caller limited to registered documents ({@link Caller#registeredDocumentsOnly()}) is checked here, the first
 * step of every execution: anything but a trusted document, by hash or by text, is refused with FORBIDDEN before it
 * is even parsed.
 */
final class PersistedQueries extends ApolloPersistedQuerySupport {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final TrustedDocuments trusted;
    private final Cache<String, Registered> registered;
    private final Cache<String, Registered> parsed;

    PersistedQueries(TrustedDocuments trusted, long maxCachedQueryChars, MeterRegistry meters) {
        this(trusted, documentCache(maxCachedQueryChars), documentCache(maxCachedQueryChars));
        CaffeineCacheMetrics.monitor(meters, registered, "persisted-queries");
        CaffeineCacheMetrics.monitor(meters, parsed, "parsed-documents");
    }

    private static Cache<String, Registered> documentCache(long maxChars) {
        return Caffeine.newBuilder()
                .maximumWeight(maxChars)
                // a document's AST grows with its text, so the text's length bounds the memory in proportion
                .<String, Registered>weigher((hash, registered) -> Math.max(1, registered.chars()))
                .recordStats()
                .build();
    }

    /** A document a client registered, with the length of its text. */
    private record Registered(PreparsedDocumentEntry entry, int chars) {
    }

    private PersistedQueries(TrustedDocuments trusted, Cache<String, Registered> registered,
            Cache<String, Registered> parsed) {
        super(new Store(trusted, registered));
        this.trusted = trusted;
        this.registered = registered;
        this.parsed = parsed;
    }

    /**
     * The hash of the persisted query {@code extensions} names, lower case; null when it names none.
     *
     * @throws IllegalArgumentException when {@code persistedQuery} is there but not {@code {version: 1, sha256Hash}}
     */
    static String requestedHash(Object extensions) {
        if (!(extensions instanceof Map<?, ?> members) || members.get("persistedQuery") == null) {
            return null;
        }
        if (!(members.get("persistedQuery") instanceof Map<?, ?> persisted)) {
            throw new IllegalArgumentException("'extensions.persistedQuery' must be an object with 'version' and "
                    + "'sha256Hash'");
        }
        if (!(persisted.get("version") instanceof Number version) || version.doubleValue() != 1) {
            throw new IllegalArgumentException("'extensions.persistedQuery.version' must be 1, the only version served");
        }
        if (!(persisted.get("sha256Hash") instanceof String hash) || !SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("'extensions.persistedQuery.sha256Hash' must be 64 hexadecimal digits");
        }
        return hash.toLowerCase(java.util.Locale.ROOT);
    }

    /** The document registered under {@code hash} (trusted or by a client on this replica), or null. */
    Document registeredDocument(String hash) {
        PreparsedDocumentEntry entry = trusted.entry(hash);
        if (entry == null) {
            Registered known = registered.getIfPresent(hash);
            entry = known == null ? null : known.entry();
        }
        return entry == null ? null : entry.getDocument();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String hash;
        try {
            hash = requestedHash(input.getExtensions());
        }
        catch (IllegalArgumentException ex) {
            // the HTTP reader refuses this with 400; other transports (the tester, SSE) get the same code
            return refused(ErrorCode.BAD_REQUEST_BODY, ex.getMessage(), Map.of("parameter", "extensions"));
        }
        String text = sentText(input);
        String textHash = text == null ? null : TrustedDocuments.sha256(text);
        if (hash != null && textHash != null && !textHash.equals(hash)) {
            return refused(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, "The query's SHA-256 is " + textHash
                    + ", not the sha256Hash sent with it (hash the query text exactly as sent, in UTF-8)", Map.of());
        }
        Caller caller = Caller.of(input.getGraphQLContext());
        if (caller.registeredDocumentsOnly()) {
            String id = hash != null ? hash : textHash;
            if (id == null || !trusted.contains(id)) {
                return refused(ErrorCode.FORBIDDEN, "Only registered documents are allowed for this key: send the "
                        + "sha256Hash of a trusted document", Map.of("tier", caller.tier().name()));
            }
        }
        if (hash == null && textHash != null) {
            return CompletableFuture.completedFuture(parsedText(input, textHash, parseAndValidate));
        }
        return super.getDocumentAsync(input, parseAndValidate);
    }

    /**
     * A document sent as text only: graphql-java's persisted-query support parses and validates it on every request
     * (a tenth of a {@code reachable} request's CPU), so the valid ones are kept by their SHA-256, apart from the
     * registered hashes: sending a text does not make its hash answerable alone. Validation needs only the schema
     * and the document, never the variables, so the entry holds for every request with that text.
     */
    private PreparsedDocumentEntry parsedText(ExecutionInput input, String textHash,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry entry = trusted.entry(textHash);
        return entry != null ? entry
                : cachedOrParsed(parsed, textHash, input.getQuery(), () -> parseAndValidate.apply(input));
    }

    /**
     * The entry {@code cache} holds under {@code hash}, else {@code parse}'s, kept when valid: an invalid document
     * would only take room, and its errors (in the request's locale) come back on a resend.
     */
    private static PreparsedDocumentEntry cachedOrParsed(Cache<String, Registered> cache, String hash, String text,
            Supplier<PreparsedDocumentEntry> parse) {
        Registered known = cache.getIfPresent(hash);
        if (known != null) {
            return known.entry();
        }
        PreparsedDocumentEntry entry = parse.get();
        if (!entry.hasErrors()) {
            cache.put(hash, new Registered(entry, text.length()));
        }
        return entry;
    }

    @Override
    protected Optional<Object> getPersistedQueryId(ExecutionInput input) {
        return Optional.ofNullable(requestedHash(input.getExtensions()));
    }

    @Override
    protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
        if (error instanceof PersistedQueryIdInvalid) {
            return entry(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, "The query's SHA-256 is not the sha256Hash sent "
                    + "with it", Map.of());
        }
        // Apollo clients recognise a miss by this message or by the code, then send the text with the hash
        return entry(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", Map.of());
    }

    /** The text sent with the request: null for a hash alone ({@link #PERSISTED_QUERY_MARKER} stands in for it). */
    private static String sentText(ExecutionInput input) {
        String query = input.getQuery();
        return query == null || query.isBlank() || query.equals(PERSISTED_QUERY_MARKER) ? null : query;
    }

    private static CompletableFuture<PreparsedDocumentEntry> refused(ErrorCode code, String message,
            Map<String, Object> details) {
        return CompletableFuture.completedFuture(entry(code, message, details));
    }

    private static PreparsedDocumentEntry entry(ErrorCode code, String message, Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code.name());
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
                .errorType(code.classification())
                .message(message)
                .extensions(extensions)
                .build());
    }

    /** Trusted documents first (pre-validated at start), then the client-registered ones; only valid ones are kept. */
    private static final class Store implements PersistedQueryCache {

        private final TrustedDocuments trusted;
        private final Cache<String, Registered> registered;

        Store(TrustedDocuments trusted, Cache<String, Registered> registered) {
            this.trusted = trusted;
            this.registered = registered;
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object id,
                ExecutionInput input, PersistedQueryCacheMiss onCacheMiss) throws PersistedQueryNotFound {
            String hash = id.toString();
            PreparsedDocumentEntry entry = trusted.entry(hash);
            if (entry == null && trusted.contains(hash)) {
                entry = onCacheMiss.apply(trusted.body(hash));
            }
            if (entry == null) {
                String text = sentText(input);
                // on a miss, throws PersistedQueryNotFound for a hash alone: the library turns it into the error above
                entry = cachedOrParsed(registered, hash, text == null ? "" : text, () -> onCacheMiss.apply(text));
            }
            return CompletableFuture.completedFuture(entry);
        }
    }
}
