package cn.nantong.livingcircle.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.api.Sha256;

/**
 * The text of API keys: {@code nlc_<id>_<secret>}, 12 hex digits of id and 256 random bits of secret. Stored as a
 * SHA-256 hash: a slow password hash (bcrypt) protects low-entropy secrets and would cost milliseconds on every
 * request; a 256-bit random secret cannot be guessed from its hash, which is what GitHub does with its tokens.
 */
final class ApiKeySecret {

    static final Pattern SHAPE = Pattern.compile("nlc_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {
    }

    /** A new key: {@code [id, key text]}. */
    static String[] generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String idText = HexFormat.of().formatHex(id);
        return new String[] {idText,
                "nlc_" + idText + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret)};
    }

    static boolean wellFormed(String key) {
        return SHAPE.matcher(key).matches();
    }

    static String hash(String key) {
        return Sha256.hex(key);
    }
}
