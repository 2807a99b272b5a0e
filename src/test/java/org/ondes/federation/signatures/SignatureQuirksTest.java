package org.ondes.federation.signatures;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ondes.federation.signatures.Verification.Reason;
import org.ondes.federation.signatures.Verification.Verified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.federation.signatures.DraftTestKey.KEY_ID;
import static org.ondes.federation.signatures.DraftTestKey.OWNER;
import static org.ondes.federation.signatures.HttpVerifierKnownAnswerTest.assertRefused;

/**
 * The quirks of real senders (activitypub.md §2.3 and §5 "Signatures") and Mastodon's verification rules, each with
 * the exact outcome. Requests are signed with the draft's test key at a fixed instant.
 */
class SignatureQuirksTest {

    private static final Instant NOW = Instant.parse("2025-11-01T09:05:00Z");
    private static final String INBOX = "/stations/7/inbox";
    private static final byte[] BODY = "{\"type\":\"Follow\",\"actor\":\"https://remote.example/actor\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final List<String> POST_SIGNED = List.of("(request-target)", "host", "date", "digest");
    private static final Verified VERIFIED = new Verified(KEY_ID, OWNER);

    private static RequestHeaders postHeaders(Instant date, String digest) {
        return new RequestHeaders().add("Host", "ondes.example").add("Date", HttpDate.format(date))
                .add("Digest", digest).add("Content-Type", "application/activity+json");
    }

    private static Verification signedPost(RequestHeaders headers, List<String> names, String target, byte[] body) {
        headers.add("Signature", DraftTestKey.signatureHeader(names, "POST", target, headers));
        return DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", target, headers, body));
    }

    private static Verification withSignatureLine(String line) {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY)).add("Signature", line);
        return DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, headers, BODY));
    }

    private static String params(String algorithm) {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        return "keyId=\"" + KEY_ID + "\"," + algorithm + "headers=\"" + String.join(" ", POST_SIGNED)
                + "\",signature=\"" + DraftTestKey.sign(POST_SIGNED, "POST", INBOX, headers) + "\"";
    }

    @Test
    void acceptsALowerCaseDigestLabel() {
        String digest = "sha-256=" + Base64.getEncoder().encodeToString(Digest.sha256(BODY));
        assertEquals(VERIFIED, signedPost(postHeaders(NOW, digest), POST_SIGNED, INBOX, BODY));
    }

    @Test
    void acceptsAMultiValueDigestWithOneSha256() {
        String digest = "SHA-512=" + Base64.getEncoder().encodeToString(new byte[64]) + ", " + Digest.digestHeader(BODY);
        assertEquals(VERIFIED, signedPost(postHeaders(NOW, digest), POST_SIGNED, INBOX, BODY));
    }

    @Test
    void refusesADigestWithoutSha256() {
        String digest = "SHA-512=" + Base64.getEncoder().encodeToString(new byte[64]);
        assertRefused(Reason.BAD_DIGEST, "the Digest has no SHA-256 value",
                signedPost(postHeaders(NOW, digest), POST_SIGNED, INBOX, BODY));
    }

    @Test
    void toleratesAStraySignaturePrefix() {
        assertEquals(VERIFIED, withSignatureLine("Signature " + params("algorithm=\"rsa-sha256\",")));
    }

    @Test
    void acceptsHs2019AndAnAbsentAlgorithmAsRsaSha256() {
        assertEquals(VERIFIED, withSignatureLine(params("algorithm=\"hs2019\",")));
        assertEquals(VERIFIED, withSignatureLine(params("")));
        assertEquals(VERIFIED, withSignatureLine(params("algorithm=\"RSA-SHA256\",")));
    }

    @Test
    void refusesOtherAlgorithms() {
        assertRefused(Reason.UNSUPPORTED_ALGORITHM,
                "algorithm \"rsa-sha512\" is not supported; use rsa-sha256 or hs2019 with an RSA key",
                withSignatureLine(params("algorithm=\"rsa-sha512\",")));
        assertRefused(Reason.UNSUPPORTED_ALGORITHM,
                "algorithm \"hmac-sha256\" is not supported; use rsa-sha256 or hs2019 with an RSA key",
                withSignatureLine(params("algorithm=\"hmac-sha256\",")));
    }

    @Test
    void acceptsSpacesAroundCommasAndParametersInAnyOrder() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        String line = "signature = \"" + DraftTestKey.sign(POST_SIGNED, "POST", INBOX, headers) + "\" ,  headers=\""
                + String.join(" ", POST_SIGNED) + "\",keyId=\"" + KEY_ID + "\"";
        assertEquals(VERIFIED, withSignatureLine(line));
    }

    @Test
    void acceptsTheAuthorizationHeaderForm() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY))
                .add("Authorization", "Signature " + params("algorithm=\"rsa-sha256\","));
        assertEquals(VERIFIED, DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, headers, BODY)));
    }

    @Test
    void verifiesAQueryStringInTheRequestTarget() {
        String target = INBOX + "?page=2&x=%20y";
        assertEquals(VERIFIED, signedPost(postHeaders(NOW, Digest.digestHeader(BODY)), POST_SIGNED, target, BODY));
    }

    @Test
    void acceptsASenderThatSignedTheTargetWithoutItsQueryString() {
        // Mastodon long signed (request-target) without the query and still verifies both forms (mastodon#39516)
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        headers.add("Signature", DraftTestKey.signatureHeader(POST_SIGNED, "POST", INBOX, headers));
        Verification result = DraftTestKey.verifierAt(NOW).verify(
                new ReceivedRequest("POST", INBOX + "?page=2", headers, BODY));
        assertEquals(VERIFIED, result);
    }

    @Test
    void refusesASignatureOverAnotherQueryString() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        headers.add("Signature", DraftTestKey.signatureHeader(POST_SIGNED, "POST", INBOX + "?page=1", headers));
        Verification result = DraftTestKey.verifierAt(NOW).verify(
                new ReceivedRequest("POST", INBOX + "?page=2", headers, BODY));
        assertEquals(Reason.BAD_SIGNATURE, ((Verification.Refused) result).reason());
    }

    @Test
    void acceptsADateWithAOneDigitDay() {
        Instant date = Instant.parse("2025-11-01T09:00:00Z");
        RequestHeaders headers = new RequestHeaders().add("Host", "ondes.example")
                .add("Date", "Sat, 1 Nov 2025 09:00:00 GMT").add("Digest", Digest.digestHeader(BODY));
        assertEquals(VERIFIED, signedPost(headers, POST_SIGNED, INBOX, BODY));
        assertEquals("Sat, 01 Nov 2025 09:00:00 GMT", HttpDate.format(date));
    }

    @Test
    void acceptsADateJustInsideTheHourEitherWay() {
        assertEquals(VERIFIED, signedPost(postHeaders(NOW.minus(Duration.ofMinutes(59)), Digest.digestHeader(BODY)),
                POST_SIGNED, INBOX, BODY));
        assertEquals(VERIFIED, signedPost(postHeaders(NOW.plus(Duration.ofMinutes(59)), Digest.digestHeader(BODY)),
                POST_SIGNED, INBOX, BODY));
    }

    @Test
    void refusesAStaleOrFutureDateBeyondOneHour() {
        assertRefused(Reason.STALE_DATE, "Date Sat, 01 Nov 2025 08:04:00 GMT is 61 minutes behind this server's clock"
                        + " (Sat, 01 Nov 2025 09:05:00 GMT); at most 60 minutes are accepted",
                signedPost(postHeaders(NOW.minus(Duration.ofMinutes(61)), Digest.digestHeader(BODY)),
                        POST_SIGNED, INBOX, BODY));
        assertRefused(Reason.STALE_DATE, "Date Sat, 01 Nov 2025 10:06:00 GMT is 61 minutes ahead of this server's"
                        + " clock (Sat, 01 Nov 2025 09:05:00 GMT); at most 60 minutes are accepted",
                signedPost(postHeaders(NOW.plus(Duration.ofMinutes(61)), Digest.digestHeader(BODY)),
                        POST_SIGNED, INBOX, BODY));
    }

    @Test
    void refusesAnUnreadableDate() {
        RequestHeaders headers = new RequestHeaders().add("Host", "ondes.example").add("Date", "yesterday-ish")
                .add("Digest", Digest.digestHeader(BODY));
        assertRefused(Reason.MALFORMED, "the Date header \"yesterday-ish\" is not an HTTP date",
                signedPost(headers, POST_SIGNED, INBOX, BODY));
    }

    @Test
    void refusesAnExpiredSignature() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        long expires = NOW.minusSeconds(10).getEpochSecond();
        headers.add("Signature", params("algorithm=\"rsa-sha256\",") + ",expires=" + expires);
        Verification result = DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, headers, BODY));
        assertRefused(Reason.STALE_DATE, "the signature expired at Sat, 01 Nov 2025 09:04:50 GMT", result);
    }

    @Test
    void refusesAPostWhoseDigestIsNotSigned() {
        assertRefused(Reason.MISSING_HEADER, "a POST signature must cover digest",
                signedPost(postHeaders(NOW, Digest.digestHeader(BODY)),
                        List.of("(request-target)", "host", "date"), INBOX, BODY));
    }

    @Test
    void refusesAPostWithoutDigestHeaderEvenIfListed() {
        RequestHeaders headers = new RequestHeaders().add("Host", "ondes.example").add("Date", HttpDate.format(NOW))
                .add("Signature", "keyId=\"" + KEY_ID + "\",headers=\"(request-target) host date digest\","
                        + "signature=\"AAAA\"");
        assertRefused(Reason.MISSING_HEADER, "the signed header \"digest\" is not in the request",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, headers, BODY)));
    }

    @Test
    void refusesASignatureWithoutDateOrCreated() {
        assertRefused(Reason.MISSING_HEADER, "the signature must cover date or (created)",
                signedPost(postHeaders(NOW, Digest.digestHeader(BODY)),
                        List.of("(request-target)", "host", "digest"), INBOX, BODY));
    }

    @Test
    void refusesAGetWhoseHostIsNotSigned() {
        RequestHeaders headers = new RequestHeaders().add("Host", "ondes.example").add("Date", HttpDate.format(NOW))
                .add("Accept", "application/activity+json");
        List<String> names = List.of("(request-target)", "date", "accept");
        headers.add("Signature", DraftTestKey.signatureHeader(names, "GET", "/actor", headers));
        assertRefused(Reason.MISSING_HEADER, "a GET signature must cover host",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("GET", "/actor", headers, null)));
    }

    @Test
    void verifiesASignedGet() {
        RequestHeaders headers = new RequestHeaders().add("host", "ondes.example").add("date", HttpDate.format(NOW))
                .add("accept", "application/activity+json");
        List<String> names = List.of("(request-target)", "host", "date", "accept");
        headers.add("signature", DraftTestKey.signatureHeader(names, "GET", "/actor", headers));
        assertEquals(VERIFIED, DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("get", "/actor", headers, null)));
    }

    @Test
    void refusesATamperedBody() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        headers.add("Signature", DraftTestKey.signatureHeader(POST_SIGNED, "POST", INBOX, headers));
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Follow", "Block")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(Reason.BAD_DIGEST, "the Digest does not match the body",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, headers, tampered)));
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        KeyPair other = RsaKeys.generate();
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        headers.add("Signature", new HttpSigner(DraftTestKey.clockAt(NOW)).post("ondes.example", INBOX,
                "application/activity+json", BODY, new SigningKey(KEY_ID, other.getPrivate())).get("Signature"));
        assertRefused(Reason.BAD_SIGNATURE, "the signature does not verify with the key \"" + KEY_ID + "\"",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, headers, BODY)));
    }

    @Test
    void refetchesTheKeyOnceWhenTheCachedOneFails() {
        KeyPair rotated = RsaKeys.generate();
        List<Boolean> calls = new ArrayList<>();
        HttpVerifier verifier = new HttpVerifier((keyId, refetch) -> {
            calls.add(refetch);
            // the cache still holds the old (draft) key; a refetch finds the rotated one
            return Optional.of(new ActorKey(refetch ? rotated.getPublic() : DraftTestKey.PUBLIC, OWNER));
        }, DraftTestKey.clockAt(NOW));
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        headers.add("Signature", new HttpSigner(DraftTestKey.clockAt(NOW)).post("ondes.example", INBOX,
                "application/activity+json", BODY, new SigningKey(KEY_ID, rotated.getPrivate())).get("Signature"));
        assertEquals(VERIFIED, verifier.verify(new ReceivedRequest("POST", INBOX, headers, BODY)));
        assertEquals(List.of(false, true), calls);
    }

    @Test
    void doesNotRefetchWhenTheCachedKeyVerifies() {
        AtomicInteger refetches = new AtomicInteger();
        HttpVerifier verifier = new HttpVerifier((keyId, refetch) -> {
            if (refetch) {
                refetches.incrementAndGet();
            }
            return Optional.of(new ActorKey(DraftTestKey.PUBLIC, OWNER));
        }, DraftTestKey.clockAt(NOW));
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        headers.add("Signature", DraftTestKey.signatureHeader(POST_SIGNED, "POST", INBOX, headers));
        assertEquals(VERIFIED, verifier.verify(new ReceivedRequest("POST", INBOX, headers, BODY)));
        assertEquals(0, refetches.get());
    }

    @Test
    void refusesAnUnknownKeyAndAResolverThatFails() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY));
        headers.add("Signature", DraftTestKey.signatureHeader(POST_SIGNED, "POST", INBOX, headers));
        ReceivedRequest request = new ReceivedRequest("POST", INBOX, headers, BODY);
        String message = "the key \"" + KEY_ID + "\" cannot be resolved";
        assertRefused(Reason.UNKNOWN_KEY, message,
                new HttpVerifier((k, r) -> Optional.empty(), DraftTestKey.clockAt(NOW)).verify(request));
        assertRefused(Reason.UNKNOWN_KEY, message, new HttpVerifier((k, r) -> {
            throw new IllegalStateException("remote down");
        }, DraftTestKey.clockAt(NOW)).verify(request));
    }

    @Test
    void hasAnRfc9421RequestCheckedByRfc9421Rules() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY))
                .add("Signature-Input", "sig1=(\"@method\" \"@target-uri\");alg=\"hmac-sha256\";keyid=\"k\";created=1")
                .add("Signature", "sig1=:AAAA:");
        assertRefused(Reason.UNSUPPORTED_ALGORITHM, "alg \"hmac-sha256\" is not supported; use rsa-v1_5-sha256",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, headers, BODY)));
        assertRefused(Reason.MALFORMED, "an RFC 9421 Signature needs a Signature-Input header",
                withSignatureLine("sig1=:AAAA:"));
    }

    @Test
    void reportsAnyRfc9421RequestAsAnUnsupportedSchemeToACavageOnlyVerifier() {
        RequestHeaders headers = postHeaders(NOW, Digest.digestHeader(BODY))
                .add("Signature-Input", "sig1=(\"@method\" \"@target-uri\");alg=\"rsa-v1_5-sha256\";keyid=\"k\";created=1")
                .add("Signature", "sig1=:AAAA:");
        HttpVerifier cavageOnly = HttpVerifier.draftCavageOnly((k, r) -> Optional.empty(), DraftTestKey.clockAt(NOW));
        assertRefused(Reason.UNSUPPORTED_SCHEME, "RFC 9421 HTTP message signatures are not accepted here;"
                        + " sign with draft-cavage-http-signatures-12",
                cavageOnly.verify(new ReceivedRequest("POST", INBOX, headers, BODY)));
    }

    @Test
    void refusesUnsignedAndGarbledRequests() {
        RequestHeaders unsigned = postHeaders(NOW, Digest.digestHeader(BODY));
        assertRefused(Reason.NOT_SIGNED, "the request has no Signature header",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, unsigned, BODY)));
        assertRefused(Reason.MALFORMED, "unreadable Signature header: expected name=value at position 0",
                withSignatureLine("garbage"));
        assertRefused(Reason.MALFORMED, "unreadable Signature header: parameter keyid appears twice",
                withSignatureLine(params("") + ",keyId=\"https://evil.example/actor#main-key\""));
        RequestHeaders twice = postHeaders(NOW, Digest.digestHeader(BODY)).add("Signature", params(""))
                .add("Signature", params(""));
        assertRefused(Reason.MALFORMED, "the request has more than one Signature header",
                DraftTestKey.verifierAt(NOW).verify(new ReceivedRequest("POST", INBOX, twice, BODY)));
    }

    @Test
    void quotesAttackerTextInMessagesWithoutControlCharacters() {
        Verification result = withSignatureLine(params("algorithm=\"x\u0007" + "y".repeat(300) + "\","));
        String message = ((Verification.Refused) result).message();
        assertTrue(message.startsWith("algorithm \"x?yyy"), message);
        assertTrue(message.length() < 200, message);
    }
}
