package org.ondes.federation.signatures;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpSignerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T07:08:09Z");
    private static final KeyPair KEYS = RsaKeys.generate();
    private static final String KEY_ID = "https://ondes.example/actor#main-key";
    private static final SigningKey KEY = new SigningKey(KEY_ID, KEYS.getPrivate());
    private static final HttpSigner SIGNER = new HttpSigner(DraftTestKey.clockAt(NOW));
    private static final HttpVerifier VERIFIER = new HttpVerifier(
            (keyId, refetch) -> Optional.of(new ActorKey(KEYS.getPublic(), "https://ondes.example/actor")),
            DraftTestKey.clockAt(NOW.plusSeconds(5)));

    private static Verification receive(String method, String host, String target, Map<String, String> added,
                                        byte[] body) {
        RequestHeaders headers = new RequestHeaders().add("Host", host);
        added.forEach(headers::add);
        return VERIFIER.verify(new ReceivedRequest(method, target, headers, body));
    }

    @Test
    void signedPostRoundTrips() {
        byte[] body = "{\"type\":\"Follow\",\"name\":\"Café\"}".getBytes(StandardCharsets.UTF_8);
        URI inbox = URI.create("http://127.0.0.1:8443/stations/7/inbox?x=1");
        HttpSigner.SignedHeaders signed = SIGNER.post(inbox, "application/activity+json", body, KEY);
        assertEquals(List.of("Date", "Digest", "Content-Type", "Signature"), List.copyOf(signed.headers().keySet()));
        assertEquals("Mon, 03 Nov 2025 07:08:09 GMT", signed.get("Date"));
        assertEquals(Digest.digestHeader(body), signed.get("Digest"));
        assertEquals(new Verification.Verified(KEY_ID, "https://ondes.example/actor"),
                receive("POST", "127.0.0.1:8443", "/stations/7/inbox?x=1", signed.headers(), body));
    }

    @Test
    void signedGetRoundTrips() {
        URI actor = URI.create("https://remote.example/users/alice");
        HttpSigner.SignedHeaders signed = SIGNER.get(actor, "application/activity+json", KEY);
        assertEquals(List.of("Date", "Accept", "Signature"), List.copyOf(signed.headers().keySet()));
        assertEquals(new Verification.Verified(KEY_ID, "https://ondes.example/actor"),
                receive("GET", "remote.example", "/users/alice", signed.headers(), null));
    }

    @Test
    void signedPostDoesNotVerifyForAnotherHostOrBody() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpSigner.SignedHeaders signed = SIGNER.post(URI.create("http://127.0.0.1:8443/inbox"), "application/activity+json", body, KEY);
        Verification otherHost = receive("POST", "127.0.0.1", "/inbox", signed.headers(), body);
        assertEquals(Verification.Reason.BAD_SIGNATURE, ((Verification.Refused) otherHost).reason());
        Verification otherBody = receive("POST", "127.0.0.1:8443", "/inbox", signed.headers(), "{ }".getBytes(StandardCharsets.UTF_8));
        assertEquals(Verification.Reason.BAD_DIGEST, ((Verification.Refused) otherBody).reason());
    }

    @Test
    void computesTheHostJavasHttpClientSends() {
        assertEquals("remote.example", HttpSigner.hostHeader(URI.create("https://remote.example/inbox")));
        assertEquals("remote.example", HttpSigner.hostHeader(URI.create("https://remote.example:443/inbox")));
        assertEquals("remote.example:8443", HttpSigner.hostHeader(URI.create("https://remote.example:8443/inbox")));
        assertEquals("remote.example:443", HttpSigner.hostHeader(URI.create("http://remote.example:443/inbox")));
        assertEquals("127.0.0.1", HttpSigner.hostHeader(URI.create("http://127.0.0.1:80/")));
        assertEquals("127.0.0.1:41234", HttpSigner.hostHeader(URI.create("http://127.0.0.1:41234/inbox")));
        assertEquals("[::1]:41234", HttpSigner.hostHeader(URI.create("http://[::1]:41234/inbox")));
    }

    @Test
    void keepsTheRawPathAndQueryInTheRequestTarget() {
        assertEquals("/users/a%20b/inbox?page=2&q=%C3%A9",
                HttpSigner.requestTarget(URI.create("https://x.example/users/a%20b/inbox?page=2&q=%C3%A9")));
        assertEquals("/", HttpSigner.requestTarget(URI.create("https://x.example")));
        assertEquals("/?a=1", HttpSigner.requestTarget(URI.create("https://x.example?a=1")));
    }
}
