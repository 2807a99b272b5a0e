package org.ondes.federation.signatures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The draft-cavage-12 Appendix C test key and request (src/test/resources/federation/keys: test only), plus helpers
 * that sign arbitrary header lists with it for the quirk tests.
 */
final class DraftTestKey {

    static final String KEY_ID = "https://remote.example/actor#main-key";
    static final String OWNER = "https://remote.example/actor";
    /** The draft's request: {@code POST /foo?param=value&pet=dog}, body {@code {"hello": "world"}}. */
    static final String TARGET = "/foo?param=value&pet=dog";
    static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    static final String DATE = "Sun, 05 Jan 2014 21:31:40 GMT";
    static final Instant NOW = Instant.parse("2014-01-05T21:31:40Z");
    static final String DIGEST = "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";

    static final PrivateKey PRIVATE = readPrivate("draft-cavage-test-key.pem");
    static final PublicKey PUBLIC = readPublic("draft-cavage-test-key.pub.pem");
    static final SigningKey SIGNING_KEY = new SigningKey(KEY_ID, PRIVATE);

    private DraftTestKey() {
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A verifier that knows only the test key, as {@link #OWNER}'s, at {@code now}. */
    static HttpVerifier verifierAt(Instant now) {
        return new HttpVerifier((keyId, refetch) -> keyId.equals(KEY_ID)
                ? Optional.of(new ActorKey(PUBLIC, OWNER)) : Optional.empty(), clockAt(now));
    }

    /** The draft's headers: Host, Date, Content-Type, Digest, Content-Length. */
    static RequestHeaders draftHeaders() {
        return new RequestHeaders()
                .add("Host", "example.com")
                .add("Date", DATE)
                .add("Content-Type", "application/json")
                .add("Digest", DIGEST)
                .add("Content-Length", "18");
    }

    /** Base64 of the test key's signature over the signing string of {@code names} for this request. */
    static String sign(List<String> names, String method, String target, RequestHeaders headers) {
        return sign(names, method, target, headers, OptionalLong.empty(), OptionalLong.empty());
    }

    static String sign(List<String> names, String method, String target, RequestHeaders headers,
                       OptionalLong created, OptionalLong expires) {
        try {
            String signingString = SigningString.build(names, method, target, headers, created, expires);
            return Base64.getEncoder().encodeToString(HttpSigner.rsaSha256(signingString, SIGNING_KEY));
        } catch (SigningString.MissingHeader e) {
            throw new AssertionError(e);
        }
    }

    /** A {@code Signature} header value signed by the test key over {@code names}. */
    static String signatureHeader(List<String> names, String method, String target, RequestHeaders headers) {
        return "keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\"" + String.join(" ", names)
                + "\",signature=\"" + sign(names, method, target, headers) + "\"";
    }

    private static PrivateKey readPrivate(String name) {
        try {
            return RsaKeys.parsePrivateKey(resource(name));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static PublicKey readPublic(String name) {
        try {
            return RsaKeys.parsePublicKey(resource(name));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = DraftTestKey.class.getResourceAsStream("/federation/keys/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource federation/keys/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
