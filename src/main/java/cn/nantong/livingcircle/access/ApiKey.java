package cn.nantong.livingcircle.access;

import cn.nantong.livingcircle.api.AccessTier;

/**
 * An API key as it is stored: never the key itself, only its hash (kept by {@link ApiKeyStore}, not here).
 *
 * @param id                      public identifier, also the middle part of the key text ({@code nlc_<id>_<secret>})
 * @param createdAt               ISO-8601 instant
 * @param revokedAt               ISO-8601 instant, or null while the key is valid
 * @param registeredDocumentsOnly the key may run only the trusted documents of the registry
 */
record ApiKey(String id, String name, AccessTier tier, boolean registeredDocumentsOnly, String createdAt,
        String revokedAt) {

    boolean revoked() {
        return revokedAt != null;
    }
}
