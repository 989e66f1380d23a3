package cn.nantong.livingcircle.api;

/**
 * Who may call how much. Anonymous callers are told apart by their address; the others by their API key
 * ({@code Authorization: Bearer <key>}).
 */
public enum AccessTier {
    /** No key: limited by client address. */
    ANONYMOUS,
    /** A registered third-party developer. */
    DEVELOPER,
    /** A partner app (the Baitong app): a larger budget, optionally limited to registered documents. */
    PARTNER,
    /** Operators: everything, including key administration. */
    ADMIN
}
