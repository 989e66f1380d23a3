package cn.nantong.livingcircle.api;

import java.util.List;
import java.util.function.BiConsumer;

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

        /** The headers every charged answer carries, as GitHub names them (browsers may read them: CORS). */
        public static final List<String> HEADERS = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Used", "X-RateLimit-Reset", "Retry-After");

        /**
         * Sets the budget's headers: the capacity, what is left, capacity minus what is left, the Unix second at which
         * the bucket is full again, and {@code Retry-After} when refused.
         */
        public void writeHeaders(BiConsumer<String, String> header) {
            header.accept(HEADERS.get(0), Long.toString(limit));
            header.accept(HEADERS.get(1), Long.toString(remaining));
            header.accept(HEADERS.get(2), Long.toString(Math.max(0, limit - remaining)));
            header.accept(HEADERS.get(3), Long.toString(resetEpochSeconds));
            if (!allowed) {
                header.accept(HEADERS.get(4), Long.toString(retryAfterSeconds));
            }
        }
    }
}
