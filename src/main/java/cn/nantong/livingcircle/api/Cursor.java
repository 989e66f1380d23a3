package cn.nantong.livingcircle.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort key of the last item seen and its id, so the next page is an indexed range
 * read rather than a {@code SKIP}. Encoded as base64url of {@code kind|key|id}; the kind stops a cursor of one list
 * from being replayed on another.
 *
 * @param key numeric sort key (metres for distance-ordered lists, 0 for id-ordered ones)
 * @param id  id of the last item, the tie-breaker
 */
public record Cursor(String kind, double key, String id) {

    public static Cursor decode(String encoded, String expectedKind) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(expectedKind) || parts[2].isEmpty()) {
                throw invalid();
            }
            double key = Double.parseDouble(parts[1]);
            if (!Double.isFinite(key)) {
                throw invalid();
            }
            return new Cursor(parts[0], key, parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static String encode(String kind, double key, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException invalid() {
        return new ApiException(ApiException.ErrorCode.INVALID_CURSOR,
                "Argument 'after' is not a cursor returned by this list",
                java.util.Map.of("argument", "after"));
    }
}
