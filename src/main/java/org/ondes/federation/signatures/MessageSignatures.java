package org.ondes.federation.signatures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ondes.federation.signatures.Verification.Reason;
import org.ondes.federation.signatures.Verification.Refused;

/**
 * RFC 9421 HTTP message signatures, the profile Mastodon 4.5 and Fedify use: exactly one signature, algorithm
 * {@code rsa-v1_5-sha256} (or none, with an RSA key), {@code keyid} and {@code created} required, {@code @method}
 * and {@code @target-uri} covered, and on a POST {@code content-digest} covered and matching the raw body
 * (RFC 9530). Components: {@code @method}, {@code @target-uri}, {@code @authority}, {@code @scheme},
 * {@code @request-target}, {@code @path}, {@code @query} and plain header fields, without component parameters;
 * anything else is refused as {@link Reason#UNSUPPORTED_SCHEME}, so a double-knocking sender falls back to
 * draft-cavage.
 */
final class MessageSignatures {

    private MessageSignatures() {
    }

    static Verification verify(ReceivedRequest request, Instant now, HttpVerifier verifier) {
        RequestHeaders headers = request.headers();
        Map<String, StructuredFields.Member> inputs;
        Map<String, StructuredFields.Member> signatures;
        try {
            inputs = StructuredFields.dictionary(headers.combined("Signature-Input").orElse(""));
            signatures = StructuredFields.dictionary(headers.combined("Signature").orElse(""));
        } catch (IllegalArgumentException e) {
            return refuse(Reason.MALFORMED, "unreadable Signature-Input or Signature: " + e.getMessage());
        }
        if (inputs.size() != 1) {
            return refuse(inputs.isEmpty() ? Reason.MALFORMED : Reason.UNSUPPORTED_SCHEME,
                    "exactly one RFC 9421 signature is accepted, got " + inputs.size());
        }
        String label = inputs.keySet().iterator().next();
        if (!(inputs.get(label) instanceof StructuredFields.InnerList input)) {
            return refuse(Reason.MALFORMED, "Signature-Input " + HttpVerifier.quote(label) + " is not an inner list");
        }
        if (!(signatures.get(label) instanceof StructuredFields.Item item) || !(item.value() instanceof byte[] sig)) {
            return refuse(signatures.containsKey(label) ? Reason.MALFORMED : Reason.NOT_SIGNED,
                    "no Signature byte sequence labelled " + HttpVerifier.quote(label));
        }
        Map<String, Object> params = input.params();
        if (!(params.get("keyid") instanceof String keyId) || keyId.isEmpty()) {
            return refuse(Reason.MALFORMED, "the RFC 9421 signature has no keyid");
        }
        Object alg = params.get("alg");
        if (alg != null && !"rsa-v1_5-sha256".equals(alg)) {
            return refuse(Reason.UNSUPPORTED_ALGORITHM, "alg " + HttpVerifier.quote(String.valueOf(alg))
                    + " is not supported; use rsa-v1_5-sha256");
        }
        if (!(params.get("created") instanceof Long created)) {
            return refuse(Reason.MISSING_HEADER, "the RFC 9421 signature has no created parameter");
        }
        StringBuilder base = new StringBuilder();
        List<String> covered = new ArrayList<>();
        for (StructuredFields.Item component : input.items()) {
            if (!(component.value() instanceof String name) || !component.params().isEmpty()) {
                return refuse(Reason.UNSUPPORTED_SCHEME, "only plain component names are supported");
            }
            if (covered.contains(name)) {
                return refuse(Reason.MALFORMED, "component " + HttpVerifier.quote(name) + " is listed twice");
            }
            covered.add(name);
            String value = componentValue(name, request);
            if (value == null) {
                return refuse(name.startsWith("@") ? Reason.UNSUPPORTED_SCHEME : Reason.MISSING_HEADER,
                        "the covered component " + HttpVerifier.quote(name) + (name.startsWith("@")
                                ? " is not supported" : " is not in the request"));
            }
            base.append('"').append(name).append("\": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(serialize(input));
        Refused coverage = checkCoverage(request, covered);
        if (coverage != null) {
            return coverage;
        }
        Refused time = HttpVerifier.window("created", Instant.ofEpochSecond(created), now);
        if (time != null) {
            return time;
        }
        if (params.get("expires") instanceof Long expires && now.isAfter(Instant.ofEpochSecond(expires))) {
            return refuse(Reason.STALE_DATE, "the signature expired at " + HttpDate.format(Instant.ofEpochSecond(expires)));
        }
        if (covered.contains("content-digest")) {
            Digest.Check check = Digest.checkContentDigest(headers.combined("Content-Digest").orElse(""), request.body());
            if (check != Digest.Check.MATCH) {
                return refuse(Reason.BAD_DIGEST, check == Digest.Check.MISMATCH
                        ? "the Content-Digest does not match the body" : "the Content-Digest has no usable SHA-256 value");
            }
        }
        return verifier.checkSignature(keyId, sig, List.of(base.toString()));
    }

    private static Refused checkCoverage(ReceivedRequest request, List<String> covered) {
        if (!covered.contains("@method") || !covered.contains("@target-uri")) {
            return refuse(Reason.MISSING_HEADER, "the RFC 9421 signature must cover @method and @target-uri");
        }
        if (request.method().equalsIgnoreCase("POST") && !covered.contains("content-digest")) {
            return refuse(Reason.MISSING_HEADER, "an RFC 9421 POST signature must cover content-digest");
        }
        return null;
    }

    /** The component's value in the signature base, or null when the request lacks it or it is not supported. */
    private static String componentValue(String name, ReceivedRequest request) {
        String target = request.requestTarget();
        int q = target.indexOf('?');
        String authority = request.headers().first("Host").map(h -> h.strip().toLowerCase(Locale.ROOT)).orElse(null);
        switch (name) {
            case "@method":
                return request.method().toUpperCase(Locale.ROOT);
            case "@target-uri":
                return authority == null ? null : request.scheme() + "://" + authority + target;
            case "@authority":
                return authority;
            case "@scheme":
                return request.scheme();
            case "@request-target":
                return target;
            case "@path":
                return q < 0 ? target : target.substring(0, q);
            case "@query":
                return q < 0 ? "?" : target.substring(q);
            default:
                if (name.startsWith("@") || !name.equals(name.toLowerCase(Locale.ROOT))) {
                    return null;
                }
                return request.headers().combined(name).orElse(null);
        }
    }

    /** RFC 8941 serialisation of the Signature-Input member, the value of {@code @signature-params}. */
    static String serialize(StructuredFields.InnerList input) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < input.items().size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            StructuredFields.Item item = input.items().get(i);
            out.append(bareItem(item.value())).append(params(item.params()));
        }
        return out.append(')').append(params(input.params())).toString();
    }

    private static String params(Map<String, Object> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((key, value) -> {
            out.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                out.append('=').append(bareItem(value));
            }
        });
        return out.toString();
    }

    private static String bareItem(Object value) {
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof StructuredFields.Token token) {
            return token.text();
        }
        if (value instanceof byte[] bytes) {
            return ":" + Base64.getEncoder().encodeToString(bytes) + ":";
        }
        if (value instanceof Boolean b) {
            return b ? "?1" : "?0";
        }
        return String.valueOf(value); // Long, BigDecimal
    }

    private static Refused refuse(Reason reason, String message) {
        return new Refused(reason, message);
    }
}
