package cn.nantong.livingcircle.api;

import graphql.GraphQLContext;

/**
 * What one request was charged, kept in its {@link GraphQLContext} so that the HTTP side can report it in headers
 * ({@code X-RateLimit-*}, {@code Retry-After}) and the {@code rateLimit} field can show it. Written by the cost
 * instrumentation, read after execution; one request is one execution, so plain volatile fields suffice.
 */
public final class CostReport {

    private static final String CONTEXT_KEY = CostReport.class.getName();

    private volatile long pointsCharged;
    private volatile CostBudget.Charge charge;
    private volatile boolean callerSpecific;

    /** The report of the request {@code context} belongs to, created on first use. */
    public static CostReport of(GraphQLContext context) {
        return context.computeIfAbsent(CONTEXT_KEY, key -> new CostReport());
    }

    /** Puts a fresh report into a context being built, so the caller can read it back after execution. */
    public static CostReport into(GraphQLContext.Builder context) {
        CostReport report = new CostReport();
        context.put(CONTEXT_KEY, report);
        return report;
    }

    void charged(long points, CostBudget.Charge charge) {
        this.pointsCharged += charge.allowed() ? points : 0;
        this.charge = charge;
    }

    void refunded(long points, CostBudget.Charge after) {
        this.pointsCharged -= points;
        this.charge = after;
    }

    /** Marks the answer as the caller's own (its budget, its keys): never stored by a shared cache. */
    public void markCallerSpecific() {
        this.callerSpecific = true;
    }

    boolean callerSpecific() {
        return callerSpecific;
    }

    /** Points taken from the caller's budget for this request, after refunds. */
    public long pointsCharged() {
        return pointsCharged;
    }

    /** The last charge of this request (its state of the caller's budget), or null if nothing was charged yet. */
    public CostBudget.Charge charge() {
        return charge;
    }
}
