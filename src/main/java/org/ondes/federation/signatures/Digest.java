package org.ondes.federation.signatures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Body digests: the {@code Digest} header of draft-cavage signatures ({@code SHA-256=<base64>}, RFC 3230) and the
 * {@code Content-Digest} header of RFC 9530 ({@code sha-256=:<base64>:}, used by RFC 9421 signatures). Both are
 * always computed over the exact bytes sent or received, never over re-serialised JSON.
 */
public final class Digest {

    /** The outcome of checking a received digest header against the raw body. */
    public enum Check {
        /** A SHA-256 value is present and equals the body's SHA-256. */
        MATCH,
        /** A SHA-256 value is present and differs from the body's: the body was changed or truncated. */
        MISMATCH,
        /** Well-formed, but no SHA-256 value (e.g. only SHA-512): nothing here can be checked. */
        NO_SHA256,
        /** Missing, or not parseable. */
        MALFORMED
    }

    private Digest() {
    }

    /** {@code SHA-256=<base64 of SHA-256(body)>}, the {@code Digest} header value Mastodon expects. */
    public static String digestHeader(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
    }

    /** {@code sha-256=:<base64 of SHA-256(body)>:}, the RFC 9530 {@code Content-Digest} header value. */
    public static String contentDigestHeader(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    /**
     * Checks a received {@code Digest} header over the raw body. The label is case-insensitive ({@code SHA-256},
     * {@code sha-256}); several values may be listed ({@code SHA-512=..., SHA-256=...}); the result is
     * {@link Check#MATCH} only when every SHA-256 value present matches and there is at least one.
     */
    public static Check checkDigest(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Check.MALFORMED;
        }
        byte[] expected = sha256(body);
        boolean sawSha256 = false;
        for (String part : header.split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return Check.MALFORMED;
            }
            String label = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!label.equals("sha-256")) {
                continue;
            }
            byte[] given = decode(item.substring(eq + 1).trim());
            if (given == null) {
                return Check.MALFORMED;
            }
            if (!MessageDigest.isEqual(given, expected)) {
                return Check.MISMATCH;
            }
            sawSha256 = true;
        }
        return sawSha256 ? Check.MATCH : Check.NO_SHA256;
    }

    /**
     * Checks a received RFC 9530 {@code Content-Digest} header (an RFC 8941 dictionary of byte sequences, keys
     * case-insensitive as Fedify and others write them) over the raw body; the same rules as {@link #checkDigest}.
     */
    public static Check checkContentDigest(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Check.MALFORMED;
        }
        Map<String, StructuredFields.Member> dictionary;
        try {
            dictionary = StructuredFields.dictionary(header.toLowerCase(Locale.ROOT).equals(header)
                    ? header : lowerCaseKeys(header));
        } catch (IllegalArgumentException e) {
            return Check.MALFORMED;
        }
        StructuredFields.Member member = dictionary.get("sha-256");
        if (member == null) {
            return Check.NO_SHA256;
        }
        if (!(member instanceof StructuredFields.Item item) || !(item.value() instanceof byte[] given)) {
            return Check.MALFORMED;
        }
        return MessageDigest.isEqual(given, sha256(body)) ? Check.MATCH : Check.MISMATCH;
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] decode(String b64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(b64.getBytes(StandardCharsets.US_ASCII));
            return bytes.length == 32 ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Lower-cases dictionary keys only (byte sequences between colons keep their case). */
    private static String lowerCaseKeys(String header) {
        StringBuilder out = new StringBuilder(header.length());
        boolean inBytes = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == ':') {
                inBytes = !inBytes;
            }
            out.append(inBytes || c == ':' ? c : Character.toLowerCase(c));
        }
        return out.toString();
    }
}
