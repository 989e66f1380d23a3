package cn.nantong.livingcircle.api;

/**
 * Where the points of priced requests are taken from: the rate-limit feature implements it (token buckets per caller,
 * in process or shared through Redis). The API charges a request its price before execution and refunds what it did
 * not use after, so the window counts work done, not work feared.
 */
public interface CostBudget {

    /** Takes {@code points} from the caller's budget, or takes nothing and says when they would be there. */
    Charge charge(Caller caller, long points);

    /** Gives back points charged but not used (capped at the budget's capacity); returns the budget's new state. */
    Charge refund(Caller caller, long points);

    /**
     * The outcome of a charge.
     *
     * @param allowed           the points were taken
     * @param limit             capacity of the caller's budget (the most one burst may spend)
     * @param remaining         points left after the charge
     * @param resetEpochSeconds when the budget is full again if nothing more is spent (Unix seconds)
     * @param retryAfterSeconds when refused: how long until enough points are back (at least 1)
     */
    record Charge(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }
}
