package org.ondes.federation.signatures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ondes.federation.signatures.Verification.Reason;
import org.ondes.federation.signatures.Verification.Refused;
import org.ondes.federation.signatures.Verification.Verified;

/**
 * Verifies the draft-cavage HTTP signature of a received request, with the rules Mastodon applies
 * ({@code signed_request.rb}), in this order:
 * <ol>
 *   <li>a request with {@code Signature-Input} is an RFC 9421 message signature and is checked by those rules
 *       instead (see {@code MessageSignatures}: one signature, {@code rsa-v1_5-sha256}, {@code created} within the
 *       window, {@code @method} and {@code @target-uri} covered, {@code content-digest} covered and matching on a
 *       POST); RFC 9421 features beyond that are refused as {@link Reason#UNSUPPORTED_SCHEME}, so that
 *       double-knocking senders fall back to draft-cavage on the 401;</li>
 *   <li>the {@code Signature} header (or {@code Authorization: Signature …}) must parse ({@link SignatureParams});</li>
 *   <li>{@code algorithm} must be {@code rsa-sha256}, {@code hs2019} or absent;</li>
 *   <li>the signed headers must include {@code (request-target)} or {@code digest}, and {@code date} or
 *       {@code (created)}; a POST must sign {@code digest}, a GET must sign {@code host}; every signed header must be
 *       in the request;</li>
 *   <li>a signed {@code Date} and a signed {@code (created)} must be within one hour of now, and {@code expires},
 *       when given, must not have passed;</li>
 *   <li>a signed {@code Digest} must carry a SHA-256 of the raw body that matches;</li>
 *   <li>the key is resolved by {@code keyId} and must be RSA; the signature must verify over the signing string
 *       built with the received request target, or (as Mastodon does, mastodon#39516) with the target stripped of
 *       its query string. If it does not, the key is fetched again once ({@link PublicKeys}) and tried again.</li>
 * </ol>
 * Never throws for bad input: every failure is a {@link Refused} naming the check.
 */
public final class HttpVerifier {

    /** How far {@code Date}/{@code (created)} may be from now, either way. */
    public static final Duration WINDOW = Duration.ofHours(1);

    /** An RFC 9421 {@code Signature} value: a dictionary member whose value is a byte sequence. */
    private static final Pattern RFC9421_SIGNATURE = Pattern.compile("^\\s*[a-z*][a-z0-9_.*-]*\\s*=\\s*:.*");

    private final PublicKeys keys;
    private final Clock clock;
    private final boolean rfc9421;

    /** A verifier of both schemes, resolving keys through {@code keys} and judging freshness by {@code clock}. */
    public HttpVerifier(PublicKeys keys, Clock clock) {
        this(keys, clock, true);
    }

    private HttpVerifier(PublicKeys keys, Clock clock, boolean rfc9421) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rfc9421 = rfc9421;
    }

    /**
     * A verifier of draft-cavage signatures only: every RFC 9421 request is refused as
     * {@link Reason#UNSUPPORTED_SCHEME}, which makes double-knocking senders (Fedify, Mastodon 4.5) retry with
     * draft-cavage. A fallback should RFC 9421 verification ever have to be switched off.
     */
    public static HttpVerifier draftCavageOnly(PublicKeys keys, Clock clock) {
        return new HttpVerifier(keys, clock, false);
    }

    /** Checks {@code request}; see the class comment for the rules. */
    public Verification verify(ReceivedRequest request) {
        RequestHeaders headers = request.headers();
        if (headers.has("Signature-Input")) {
            return rfc9421 ? MessageSignatures.verify(request, clock.instant(), this)
                    : refuse(Reason.UNSUPPORTED_SCHEME, "RFC 9421 HTTP message signatures are not accepted here;"
                    + " sign with draft-cavage-http-signatures-12");
        }
        List<String> lines = signatureLines(headers);
        if (lines.isEmpty()) {
            return refuse(Reason.NOT_SIGNED, "the request has no Signature header");
        }
        if (lines.size() > 1) {
            return refuse(Reason.MALFORMED, "the request has more than one Signature header");
        }
        String line = lines.get(0);
        if (RFC9421_SIGNATURE.matcher(line).matches()) {
            return refuse(Reason.MALFORMED, "an RFC 9421 Signature needs a Signature-Input header");
        }
        SignatureParams.ParseResult parsed = SignatureParams.parse(line);
        if (parsed instanceof SignatureParams.Malformed malformed) {
            return refuse(Reason.MALFORMED, "unreadable Signature header: " + malformed.reason());
        }
        SignatureParams params = ((SignatureParams.Parsed) parsed).params();
        Optional<String> algorithm = params.algorithm();
        if (algorithm.isPresent() && !algorithm.get().equals("rsa-sha256") && !algorithm.get().equals("hs2019")) {
            return refuse(Reason.UNSUPPORTED_ALGORITHM, "algorithm " + quote(algorithm.get())
                    + " is not supported; use rsa-sha256 or hs2019 with an RSA key");
        }
        Refused coverage = checkCoverage(request, params.headers());
        if (coverage != null) {
            return coverage;
        }
        String signingString;
        try {
            signingString = SigningString.build(params.headers(), request.method(), request.requestTarget(), headers,
                    params.created(), params.expires());
        } catch (SigningString.MissingHeader e) {
            return refuse(Reason.MISSING_HEADER, "the signed header " + quote(e.name()) + " is not in the request");
        }
        Refused time = checkTime(headers, params);
        if (time != null) {
            return time;
        }
        if (params.headers().contains("digest")) {
            Refused digest = checkDigest(headers, request.body());
            if (digest != null) {
                return digest;
            }
        }
        List<String> candidates = new ArrayList<>(2);
        candidates.add(signingString);
        int query = request.requestTarget().indexOf('?');
        if (query >= 0 && params.headers().contains("(request-target)")) {
            try {
                candidates.add(SigningString.build(params.headers(), request.method(),
                        request.requestTarget().substring(0, query), headers, params.created(), params.expires()));
            } catch (SigningString.MissingHeader e) {
                throw new IllegalStateException("built once already", e);
            }
        }
        return checkSignature(params.keyId(), params.signature(), candidates);
    }

    private static List<String> signatureLines(RequestHeaders headers) {
        List<String> lines = headers.all("Signature");
        if (!lines.isEmpty()) {
            return lines;
        }
        List<String> result = new ArrayList<>();
        for (String authorization : headers.all("Authorization")) {
            if (authorization.regionMatches(true, 0, "Signature ", 0, 10)) {
                result.add(authorization);
            }
        }
        return result;
    }

    private static Refused checkCoverage(ReceivedRequest request, List<String> signed) {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!signed.contains("(request-target)") && !signed.contains("digest")) {
            return refuse(Reason.MISSING_HEADER, "the signature must cover (request-target) or digest");
        }
        if (!signed.contains("date") && !signed.contains("(created)")) {
            return refuse(Reason.MISSING_HEADER, "the signature must cover date or (created)");
        }
        if (method.equals("POST") && !signed.contains("digest")) {
            return refuse(Reason.MISSING_HEADER, "a POST signature must cover digest");
        }
        if ((method.equals("GET") || method.equals("HEAD")) && !signed.contains("host")) {
            return refuse(Reason.MISSING_HEADER, "a GET signature must cover host");
        }
        return null;
    }

    private Refused checkTime(RequestHeaders headers, SignatureParams params) {
        Instant now = clock.instant();
        if (params.headers().contains("date")) {
            String value = headers.combined("Date").orElse("");
            Optional<Instant> date = HttpDate.parse(value);
            if (date.isEmpty()) {
                return refuse(Reason.MALFORMED, "the Date header " + quote(value) + " is not an HTTP date");
            }
            Refused refused = window("Date", date.get(), now);
            if (refused != null) {
                return refused;
            }
        }
        if (params.headers().contains("(created)")) {
            Refused refused = window("(created)", Instant.ofEpochSecond(params.created().getAsLong()), now);
            if (refused != null) {
                return refused;
            }
        }
        if (params.expires().isPresent() && now.isAfter(Instant.ofEpochSecond(params.expires().getAsLong()))) {
            return refuse(Reason.STALE_DATE, "the signature expired at "
                    + HttpDate.format(Instant.ofEpochSecond(params.expires().getAsLong())));
        }
        return null;
    }

    /** Null when {@code stamped} is within {@link #WINDOW} of {@code now}, else the refusal. */
    static Refused window(String what, Instant stamped, Instant now) {
        Duration off = Duration.between(now, stamped);
        if (off.abs().compareTo(WINDOW) <= 0) {
            return null;
        }
        return refuse(Reason.STALE_DATE, what + " " + HttpDate.format(stamped) + " is " + off.abs().toMinutes()
                + " minutes " + (off.isNegative() ? "behind" : "ahead of") + " this server's clock"
                + " (" + HttpDate.format(now) + "); at most " + WINDOW.toMinutes() + " minutes are accepted");
    }

    private static Refused checkDigest(RequestHeaders headers, byte[] body) {
        String value = headers.combined("Digest").orElse("");
        return switch (Digest.checkDigest(value, body)) {
            case MATCH -> null;
            case MISMATCH -> refuse(Reason.BAD_DIGEST, "the Digest does not match the body");
            case NO_SHA256 -> refuse(Reason.BAD_DIGEST, "the Digest has no SHA-256 value");
            case MALFORMED -> refuse(Reason.BAD_DIGEST, "the Digest header is unreadable");
        };
    }

    /**
     * Verifies {@code signature} over any of {@code candidates} (signing strings or signature bases) with the key
     * of {@code keyId}: the cached key first, then once more with a refetched key.
     */
    Verification checkSignature(String keyId, byte[] signature, List<String> candidates) {
        Optional<ActorKey> cached = resolve(keyId, false);
        if (cached.isEmpty()) {
            return refuse(Reason.UNKNOWN_KEY, "the key " + quote(keyId) + " cannot be resolved");
        }
        if (!"RSA".equals(cached.get().key().getAlgorithm())) {
            return refuse(Reason.UNSUPPORTED_ALGORITHM, "the key " + quote(keyId) + " is not an RSA key");
        }
        if (verifiesAny(cached.get(), signature, candidates)) {
            return new Verified(keyId, cached.get().ownerActorId());
        }
        Optional<ActorKey> fresh = resolve(keyId, true);
        if (fresh.isPresent() && "RSA".equals(fresh.get().key().getAlgorithm())
                && !fresh.get().key().equals(cached.get().key())
                && verifiesAny(fresh.get(), signature, candidates)) {
            return new Verified(keyId, fresh.get().ownerActorId());
        }
        return refuse(Reason.BAD_SIGNATURE, "the signature does not verify with the key " + quote(keyId));
    }

    private Optional<ActorKey> resolve(String keyId, boolean refetch) {
        try {
            Optional<ActorKey> key = keys.resolve(keyId, refetch);
            return key == null ? Optional.empty() : key;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean verifiesAny(ActorKey key, byte[] signature, List<String> candidates) {
        for (String candidate : candidates) {
            if (rsaSha256Verifies(key, signature, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    static boolean rsaSha256Verifies(ActorKey key, byte[] signature, byte[] signed) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key.key());
            rsa.update(signed);
            return rsa.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Refused refuse(Reason reason, String message) {
        return new Refused(reason, message);
    }

    /** An attacker-supplied value, shortened and without control characters, in quotes. */
    static String quote(String value) {
        String clean = value.replaceAll("[\\p{Cntrl}]", "?");
        return "\"" + (clean.length() > 100 ? clean.substring(0, 100) + "…" : clean) + "\"";
    }
}
