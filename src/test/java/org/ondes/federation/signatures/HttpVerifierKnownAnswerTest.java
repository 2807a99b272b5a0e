package org.ondes.federation.signatures;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.ondes.federation.signatures.Verification.Reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ondes.federation.signatures.DraftTestKey.BODY;
import static org.ondes.federation.signatures.DraftTestKey.KEY_ID;
import static org.ondes.federation.signatures.DraftTestKey.NOW;
import static org.ondes.federation.signatures.DraftTestKey.OWNER;
import static org.ondes.federation.signatures.DraftTestKey.TARGET;
import static org.ondes.federation.signatures.DraftTestKey.draftHeaders;

/**
 * Known answers from draft-cavage-http-signatures-12, Appendix C (test key, request and signatures as published),
 * plus answers computed once with an independent implementation (OpenSSL 3.0, commands in the comments) for the
 * header lists Ondes actually signs. RSASSA-PKCS1-v1_5 is deterministic, so these compare exact bytes.
 */
class HttpVerifierKnownAnswerTest {

    /** Appendix C.1 "Default Test": no headers parameter, so only {@code date} is signed. */
    static final String C1_DEFAULT = "SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs"
            + "+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=";
    /** Appendix C.2 "Basic Test": {@code (request-target) host date}. */
    static final String C2_BASIC = "qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7nd"
            + "mw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=";
    /**
     * Appendix C.3 "All Headers Test". Draft 12 lists {@code (created) (expires)} in its headers parameter, but the
     * published signature is the one of earlier drafts, over
     * {@code (request-target) host date content-type digest content-length} (an erratum: OpenSSL reproduces this
     * value only for that list).
     */
    static final String C3_ALL = "vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIv"
            + "B1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=";
    /**
     * Ondes's POST list {@code (request-target) host date digest content-type} over the Appendix C request, made with
     * {@code printf '(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014
     * 21:31:40 GMT\ndigest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\ncontent-type: application/json'
     * | openssl dgst -sha256 -sign draft-cavage-test-key.pem | base64 -w0}.
     */
    static final String OPENSSL_POST = "Ev3r3NlHA8voF11N4uVMnCbbK/2gb3fPfc4J5orTSEv58rq7UCxn4EtsMEliFYRjaV6rotCAau8Uv"
            + "2/cH/m5e/OhryWE7iU/VnCU6LtGN7u+JUs+kw8BvPXu+KqL3y+7bH1Sdxo3W+KnkQlwKlt6TOIdsohAz7HrrpV5zWqHVIE=";
    /**
     * Ondes's GET list {@code (request-target) host date accept} for {@code GET /users/alice?page=1}, made with
     * {@code printf '(request-target): get /users/alice?page=1\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40
     * GMT\naccept: application/activity+json' | openssl dgst -sha256 -sign draft-cavage-test-key.pem | base64 -w0}.
     */
    static final String OPENSSL_GET = "ioD0gYLURD0jiD0l/wvQHUQ5Uq1uVm5bffMfS7E/td6EDcWr0XeEaqbwajsDaJGumbRSRo8ztrOU6qm"
            + "YhjDEuB1fhNZw9LI3fivByxLKDrj8ensp5a3HJhnq3HUmVW3NNFx6swScpe9Up4EXnVrcvHn+mMoDTCk7gnfDd8OPWZg=";
    /**
     * {@code (request-target) (created) host digest} with {@code created=1402170695}, made with
     * {@code printf '(request-target): post /foo?param=value&pet=dog\n(created): 1402170695\nhost: example.com\n
     * digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=' | openssl dgst -sha256 -sign
     * draft-cavage-test-key.pem | base64 -w0}.
     */
    static final String OPENSSL_CREATED = "tPRpHFquylxQ7zmJ/AZF/80Gl7lWqDPNyjRFdCaonEngAdGpMtC+7MbFs7dMe+2ukKmpQ1PwrjA+"
            + "tXhBK1SYCJ413Ur9SwFkW62rAU9RgcxkPS/t/ZPf654zFro18/Oe5W15qFG2g6CpaEwfwKrxX5+DQBbiAlsn4lGyqji0eaw=";

    @Test
    void signingStringsReproduceTheDraftSignatures() {
        assertEquals(C1_DEFAULT, DraftTestKey.sign(List.of("date"), "POST", TARGET, draftHeaders()));
        assertEquals(C2_BASIC, DraftTestKey.sign(List.of("(request-target)", "host", "date"), "POST", TARGET,
                draftHeaders()));
        assertEquals(C3_ALL, DraftTestKey.sign(List.of("(request-target)", "host", "date", "content-type", "digest",
                "content-length"), "POST", TARGET, draftHeaders()));
    }

    @Test
    void verifiesTheDraftAllHeadersSignature() {
        Verification result = verify("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\"(request-target)"
                + " host date content-type digest content-length\",signature=\"" + C3_ALL + "\"", NOW);
        assertEquals(new Verification.Verified(KEY_ID, OWNER), result);
    }

    @Test
    void refusesTheDraftDefaultAndBasicSignaturesOnAPostBecauseTheyDoNotCoverTheDigest() {
        // C.1 signs only date: Mastodon's rules want (request-target) or digest, and digest on every POST
        assertRefused(Reason.MISSING_HEADER, "the signature must cover (request-target) or digest",
                verify("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",signature=\"" + C1_DEFAULT + "\"", NOW));
        assertRefused(Reason.MISSING_HEADER, "a POST signature must cover digest",
                verify("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\","
                        + "signature=\"" + C2_BASIC + "\"", NOW));
    }

    @Test
    void refusesTheDraftSignatureAfterOneChangedHeaderValue() {
        // a framework that "normalises" Content-Type before verification breaks signatures over it (semapps#1238)
        RequestHeaders changed = new RequestHeaders().add("Host", "example.com").add("Date", DraftTestKey.DATE)
                .add("Content-Type", "application/json; charset=utf-8").add("Digest", DraftTestKey.DIGEST)
                .add("Content-Length", "18").add("Signature", "keyId=\"" + KEY_ID + "\",headers=\"(request-target)"
                        + " host date content-type digest content-length\",signature=\"" + C3_ALL + "\"");
        assertRefused(Reason.BAD_SIGNATURE, "the signature does not verify with the key \"" + KEY_ID + "\"",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", TARGET, changed, BODY)));
    }

    @Test
    void signerWritesExactlyTheOpenSslSignatureForAPost() {
        HttpSigner.SignedHeaders signed = new HttpSigner(DraftTestKey.clockAt(NOW))
                .post("example.com", TARGET, "application/json", BODY, DraftTestKey.SIGNING_KEY);
        assertEquals(DraftTestKey.DATE, signed.get("Date"));
        assertEquals(DraftTestKey.DIGEST, signed.get("Digest"));
        assertEquals("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest"
                + " content-type\",signature=\"" + OPENSSL_POST + "\"", signed.get("Signature"));
    }

    @Test
    void signerWritesExactlyTheOpenSslSignatureForAGet() {
        HttpSigner.SignedHeaders signed = new HttpSigner(DraftTestKey.clockAt(NOW))
                .get("example.com", "/users/alice?page=1", "application/activity+json", DraftTestKey.SIGNING_KEY);
        assertEquals("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date"
                + " accept\",signature=\"" + OPENSSL_GET + "\"", signed.get("Signature"));
    }

    @Test
    void verifiesTheOpenSslSignatureOverCreatedInsteadOfDate() {
        Instant created = Instant.ofEpochSecond(1402170695L);
        Verification result = verify("keyId=\"" + KEY_ID + "\",algorithm=\"hs2019\",created=1402170695,"
                + "headers=\"(request-target) (created) host digest\",signature=\"" + OPENSSL_CREATED + "\"",
                created.plusSeconds(30));
        assertEquals(new Verification.Verified(KEY_ID, OWNER), result);
        assertEquals(OPENSSL_CREATED, DraftTestKey.sign(List.of("(request-target)", "(created)", "host", "digest"),
                "POST", TARGET, draftHeaders(), OptionalLong.of(1402170695L), OptionalLong.empty()));
    }

    @Test
    void refusesTheCreatedSignatureTwoHoursLater() {
        Instant created = Instant.ofEpochSecond(1402170695L);
        Verification result = verify("keyId=\"" + KEY_ID + "\",algorithm=\"hs2019\",created=1402170695,"
                + "headers=\"(request-target) (created) host digest\",signature=\"" + OPENSSL_CREATED + "\"",
                created.plusSeconds(7200));
        assertEquals(Reason.STALE_DATE, ((Verification.Refused) result).reason());
    }

    private static Verification verify(String signature, Instant now) {
        RequestHeaders headers = draftHeaders().add("Signature", signature);
        return DraftTestKey.verifierAt(now).verify(new ReceivedRequest("POST", TARGET, headers, BODY));
    }

    static void assertRefused(Reason reason, String message, Verification result) {
        assertEquals(new Verification.Refused(reason, message), result);
    }
}
