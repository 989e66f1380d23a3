package cn.nantong.livingcircle.api;

import graphql.GraphQLContext;

/**
 * The authenticated caller of one GraphQL request, as the access feature established it from the HTTP request and
 * put into the request's {@link GraphQLContext}. Limits (rate, registered documents) read it from there.
 *
 * @param id                      stable identity for budgets: {@code key:<keyId>} or {@code address:<client address>}
 * @param tier                    what the caller may do and how much
 * @param registeredDocumentsOnly the caller may run only the trusted documents of the registry
 */
public record Caller(String id, AccessTier tier, boolean registeredDocumentsOnly) {

    /** The key under which the caller is kept in the {@link GraphQLContext}. */
    public static final String CONTEXT_KEY = Caller.class.getName();

    public static Caller anonymous(String address) {
        return new Caller("address:" + address, AccessTier.ANONYMOUS, false);
    }

    /** The caller of the request {@code context} belongs to; an anonymous caller of unknown address when none was set. */
    public static Caller of(GraphQLContext context) {
        Caller caller = context == null ? null : context.get(CONTEXT_KEY);
        return caller != null ? caller : anonymous("unknown");
    }
}
