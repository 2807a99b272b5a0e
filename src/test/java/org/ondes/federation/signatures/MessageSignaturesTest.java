package org.ondes.federation.signatures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.ondes.federation.signatures.Verification.Reason;
import org.ondes.federation.signatures.Verification.Verified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ondes.federation.signatures.DraftTestKey.KEY_ID;
import static org.ondes.federation.signatures.DraftTestKey.OWNER;
import static org.ondes.federation.signatures.HttpVerifierKnownAnswerTest.assertRefused;

/**
 * RFC 9421 message signatures as Fedify sends them (components and parameters copied from a captured Fedify 2.3.6
 * request, activitypub.md §2.4), signed with the draft-cavage test key.
 */
class MessageSignaturesTest {

    private static final Instant NOW = Instant.parse("2025-11-01T09:05:00Z");
    private static final String TARGET = "/stations/7/inbox";
    private static final byte[] BODY = "{\"type\":\"Follow\",\"actor\":\"https://remote.example/actor\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String COMPONENTS = "(\"@method\" \"@target-uri\" \"@authority\" \"host\" \"date\" \"content-digest\")";
    private static final String PARAMS = ";alg=\"rsa-v1_5-sha256\";keyid=\"" + KEY_ID + "\";created=1761987900";
    /**
     * Made with OpenSSL 3.0 over the signature base below ({@code openssl dgst -sha256 -sign
     * draft-cavage-test-key.pem base.txt | base64 -w0}):
     * <pre>
     * "@method": POST
     * "@target-uri": https://ondes.example/stations/7/inbox
     * "@authority": ondes.example
     * "host": ondes.example
     * "date": Sat, 01 Nov 2025 09:05:00 GMT
     * "content-digest": sha-256=:t8GO8B5NOL/HFFLGXj+CJOlzxl8qcdBDKrwJafqEVE0=:
     * "@signature-params": ("@method" "@target-uri" "@authority" "host" "date" "content-digest");alg="rsa-v1_5-sha256";keyid="https://remote.example/actor#main-key";created=1761987900
     * </pre>
     */
    private static final String OPENSSL_SIG = "ei8qjGJ11p3KOu1ols8GbFOeo0lCw5ewjcy98cu4eb/rOiSGMGUQn4lVd8c4FbqgCFFYc0kXuc"
            + "7kjNNJOxn60AYg0ir6tJylVzWqmr66uravWwbleRhUnvHW8R2Mdd6zPwC2ia2Z2d3NwcCODuUzhHYk29rymTVN5r9m5LYI7Oc=";

    private static RequestHeaders headers(String signatureInput, String signature) {
        return new RequestHeaders().add("Host", "ondes.example").add("Date", "Sat, 01 Nov 2025 09:05:00 GMT")
                .add("Content-Type", "application/activity+json")
                .add("Content-Digest", Digest.contentDigestHeader(BODY))
                .add("Signature-Input", signatureInput).add("Signature", signature);
    }

    private static Verification verify(RequestHeaders headers, String scheme, byte[] body, Instant now) {
        return DraftTestKey.verifierAt(now).verify(new ReceivedRequest("POST", TARGET, headers, body, scheme));
    }

    private static Verification verify(String signatureInput, String signature) {
        return verify(headers(signatureInput, signature), "https", BODY, NOW);
    }

    private static final String INPUT = "sig1=" + COMPONENTS + PARAMS;
    private static final String SIGNATURE = "sig1=:" + OPENSSL_SIG + ":";

    @Test
    void verifiesTheKnownAnswer() {
        assertEquals("sha-256=:t8GO8B5NOL/HFFLGXj+CJOlzxl8qcdBDKrwJafqEVE0=:", Digest.contentDigestHeader(BODY));
        assertEquals(new Verified(KEY_ID, OWNER), verify(INPUT, SIGNATURE));
    }

    @Test
    void refusesTheKnownAnswerForAnotherSchemeOrBody() {
        assertEquals(Reason.BAD_SIGNATURE,
                ((Verification.Refused) verify(headers(INPUT, SIGNATURE), "http", BODY, NOW)).reason());
        assertRefused(Reason.BAD_DIGEST, "the Content-Digest does not match the body",
                verify(headers(INPUT, SIGNATURE), "https", "{}".getBytes(StandardCharsets.UTF_8), NOW));
    }

    @Test
    void refusesACreatedOutsideTheHour() {
        assertEquals(Reason.STALE_DATE, ((Verification.Refused) verify(headers(INPUT, SIGNATURE), "https", BODY,
                NOW.plusSeconds(3700))).reason());
        assertRefused(Reason.STALE_DATE, "the signature expired at Sat, 01 Nov 2025 09:04:00 GMT",
                verify(INPUT + ";expires=1761987840", SIGNATURE));
    }

    @Test
    void refusesWhatMastodonRefuses() {
        assertRefused(Reason.MISSING_HEADER, "the RFC 9421 signature has no created parameter",
                verify("sig1=" + COMPONENTS + ";keyid=\"" + KEY_ID + "\"", SIGNATURE));
        assertRefused(Reason.MALFORMED, "the RFC 9421 signature has no keyid",
                verify("sig1=" + COMPONENTS + ";created=1761987900", SIGNATURE));
        assertRefused(Reason.UNSUPPORTED_ALGORITHM, "alg \"rsa-pss-sha512\" is not supported; use rsa-v1_5-sha256",
                verify("sig1=" + COMPONENTS + ";alg=\"rsa-pss-sha512\";keyid=\"" + KEY_ID + "\";created=1761987900",
                        SIGNATURE));
        assertRefused(Reason.MISSING_HEADER, "an RFC 9421 POST signature must cover content-digest",
                verify("sig1=(\"@method\" \"@target-uri\")" + PARAMS, SIGNATURE));
        assertRefused(Reason.MISSING_HEADER, "the RFC 9421 signature must cover @method and @target-uri",
                verify("sig1=(\"@method\" \"content-digest\")" + PARAMS, SIGNATURE));
    }

    @Test
    void refusesFeaturesBeyondTheProfileAsAnUnsupportedScheme() {
        assertRefused(Reason.UNSUPPORTED_SCHEME, "exactly one RFC 9421 signature is accepted, got 2",
                verify(INPUT + ", sig2=" + COMPONENTS + PARAMS, SIGNATURE + ", sig2=:" + OPENSSL_SIG + ":"));
        assertRefused(Reason.UNSUPPORTED_SCHEME, "only plain component names are supported",
                verify("sig1=(\"@method\" \"@target-uri\" \"content-digest\";sf)" + PARAMS, SIGNATURE));
        assertRefused(Reason.UNSUPPORTED_SCHEME, "the covered component \"@query-param\" is not supported",
                verify("sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"@query-param\")" + PARAMS, SIGNATURE));
    }

    @Test
    void refusesGarbledHeaders() {
        assertEquals(Reason.MALFORMED, ((Verification.Refused) verify("sig1=(\"@method\"" + PARAMS, SIGNATURE)).reason());
        assertRefused(Reason.NOT_SIGNED, "no Signature byte sequence labelled \"sig1\"",
                verify(INPUT, "sig2=:" + OPENSSL_SIG + ":"));
        assertRefused(Reason.MALFORMED, "no Signature byte sequence labelled \"sig1\"", verify(INPUT, "sig1=\"abc\""));
        assertRefused(Reason.MISSING_HEADER, "the covered component \"x-missing\" is not in the request",
                verify("sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"x-missing\")" + PARAMS, SIGNATURE));
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        byte[] other = Base64.getDecoder().decode(OPENSSL_SIG);
        other[10] ^= 1;
        assertEquals(Reason.BAD_SIGNATURE, ((Verification.Refused) verify(INPUT,
                "sig1=:" + Base64.getEncoder().encodeToString(other) + ":")).reason());
    }

    @Test
    void serialisesSignatureParamsCanonically() {
        StructuredFields.InnerList input = (StructuredFields.InnerList) StructuredFields.dictionary(
                "sig1=(  \"@method\"   \"date\" );created=1;keyid=\"a\\\"b\";x;tag=tok").get("sig1");
        assertEquals("(\"@method\" \"date\");created=1;keyid=\"a\\\"b\";x;tag=tok", MessageSignatures.serialize(input));
    }
}
