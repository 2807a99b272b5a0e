package org.ondes.federation.signatures;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameters of a draft-cavage {@code Signature} header:
 * {@code keyId="…",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="…"}.
 *
 * @param keyId     the key's URL (usually {@code <actor>#main-key})
 * @param algorithm the stated algorithm, lower-cased; empty when absent (meaning hs2019)
 * @param headers   the signed header names in order, lower-cased; {@code [date]} when the parameter is absent, as
 *                  Mastodon and the draft's test vectors read it
 * @param signature the decoded signature bytes
 * @param created   the {@code created} parameter (Unix seconds), if given
 * @param expires   the {@code expires} parameter (Unix seconds), if given
 */
public record SignatureParams(String keyId, Optional<String> algorithm, List<String> headers, byte[] signature,
                              OptionalLong created, OptionalLong expires) {

    private static final int MAX_LENGTH = 16 * 1024;

    public SignatureParams {
        headers = List.copyOf(headers);
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The result of {@link #parse}: {@link Parsed} or {@link Malformed}. */
    public sealed interface ParseResult permits Parsed, Malformed {
    }

    /** The header was understood. */
    public record Parsed(SignatureParams params) implements ParseResult {
    }

    /** The header could not be used; {@code reason} says why, in words safe to log and to answer with. */
    public record Malformed(String reason) implements ParseResult {
    }

    /**
     * Parses a {@code Signature} header value. Tolerates what real senders write: a stray leading
     * {@code Signature } (the Authorization scheme), spaces around commas and {@code =}, commas inside quoted
     * values, parameter names in any case, unquoted numbers for {@code created}/{@code expires}. Refuses missing
     * {@code keyId} or {@code signature}, duplicated parameters, bad base64 and anything that is not
     * {@code name=value} pairs. Never throws.
     */
    public static ParseResult parse(String header) {
        if (header == null || header.isBlank()) {
            return new Malformed("no Signature header");
        }
        if (header.length() > MAX_LENGTH) {
            return new Malformed("Signature header longer than " + MAX_LENGTH + " characters");
        }
        String text = header.strip();
        if (text.regionMatches(true, 0, "Signature ", 0, 10) && !text.substring(10).strip().startsWith("=")) {
            text = text.substring(10).strip(); // the Authorization scheme, not a parameter named "signature"
        }
        Map<String, String> values = new HashMap<>();
        int pos = 0;
        while (pos < text.length()) {
            int eq = text.indexOf('=', pos);
            if (eq < 0) {
                return new Malformed("expected name=value at position " + pos);
            }
            String name = text.substring(pos, eq).strip().toLowerCase(Locale.ROOT);
            if (!name.matches("[a-z][a-z0-9_-]*")) {
                return new Malformed("bad parameter name at position " + pos);
            }
            pos = skipSpaces(text, eq + 1);
            StringBuilder value = new StringBuilder();
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                boolean closed = false;
                while (pos < text.length()) {
                    char c = text.charAt(pos++);
                    if (c == '\\' && pos < text.length()) {
                        value.append(text.charAt(pos++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    return new Malformed("unterminated quoted value of " + name);
                }
            } else {
                while (pos < text.length() && text.charAt(pos) != ',') {
                    value.append(text.charAt(pos++));
                }
                if (value.toString().strip().isEmpty()) {
                    return new Malformed("empty value of " + name);
                }
            }
            if (values.putIfAbsent(name, value.toString().strip()) != null) {
                return new Malformed("parameter " + name + " appears twice");
            }
            pos = skipSpaces(text, pos);
            if (pos < text.length()) {
                if (text.charAt(pos) != ',') {
                    return new Malformed("expected ',' after the value of " + name);
                }
                pos = skipSpaces(text, pos + 1);
                if (pos >= text.length()) {
                    return new Malformed("trailing comma");
                }
            }
        }
        return build(values);
    }

    private static ParseResult build(Map<String, String> values) {
        String keyId = values.get("keyid");
        if (keyId == null || keyId.isEmpty()) {
            return new Malformed("keyId is missing");
        }
        String signature = values.get("signature");
        if (signature == null || signature.isEmpty()) {
            return new Malformed("signature is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new Malformed("signature is not base64");
        }
        List<String> headers = new ArrayList<>();
        String headerList = values.get("headers");
        if (headerList == null) {
            headers.add("date");
        } else {
            for (String name : headerList.strip().split("\\s+")) {
                if (!name.isEmpty()) {
                    headers.add(name.toLowerCase(Locale.ROOT));
                }
            }
            if (headers.isEmpty()) {
                return new Malformed("headers is empty");
            }
        }
        OptionalLong created;
        OptionalLong expires;
        try {
            created = seconds(values.get("created"));
            expires = seconds(values.get("expires"));
        } catch (NumberFormatException e) {
            return new Malformed("created or expires is not a number of seconds");
        }
        String algorithm = values.get("algorithm");
        return new Parsed(new SignatureParams(keyId,
                Optional.ofNullable(algorithm).map(a -> a.toLowerCase(Locale.ROOT)),
                headers, bytes, created, expires));
    }

    private static OptionalLong seconds(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            throw new NumberFormatException(value);
        }
        int dot = value.indexOf('.');
        return OptionalLong.of(Long.parseLong(dot < 0 ? value : value.substring(0, dot)));
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }
}
