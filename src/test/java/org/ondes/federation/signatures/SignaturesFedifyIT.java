package org.ondes.federation.signatures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ondes.testkit.Await;
import org.ondes.testkit.FedifyPeer;
import org.ondes.testkit.FedifyPeer.FirstKnock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our signatures against an independent implementation, Fedify 2.3.6 (testkit {@link FedifyPeer}), in both
 * directions, with the peer knocking first with draft-cavage and with RFC 9421:
 * <ul>
 *   <li>a Follow signed by {@link HttpSigner} is accepted by Fedify's inbox (202) and recorded;</li>
 *   <li>the Accept Fedify sends back, and the signed GETs it makes of our actor, verify with {@link HttpVerifier}
 *       (after a 401 to the RFC 9421 first knock, which makes Fedify fall back to draft-cavage).</li>
 * </ul>
 */
@Tag("e2e")
class SignaturesFedifyIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @ParameterizedTest
    @EnumSource(FirstKnock.class)
    void fedifyAcceptsOurSignedFollowAndItsAcceptVerifies(FirstKnock knock) throws Exception {
        try (FedifyPeer peer = FedifyPeer.start("peer", knock); StubActor stub = new StubActor()) {
            String followId = stub.base() + "/follows/" + UUID.randomUUID();
            byte[] follow = StubActor.json(Map.of("@context", "https://www.w3.org/ns/activitystreams",
                    "id", followId, "type", "Follow", "actor", stub.actorId(), "object", peer.actorUrl()))
                    .getBytes(StandardCharsets.UTF_8);
            URI inbox = URI.create(peer.inboxUrl());
            HttpRequest.Builder request = HttpRequest.newBuilder(inbox).timeout(WAIT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(follow));
            new HttpSigner(Clock.systemUTC()).post(inbox, "application/activity+json", follow, stub.signingKey())
                    .applyTo(request);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(202, response.statusCode(), () -> "Fedify refused our signed Follow: " + response.body()
                    + "\n--- peer output:\n" + peer.log());
            Await.until(WAIT, peer::received, got -> got.stream().anyMatch(a -> followId.equals(a.get("id"))),
                    () -> "the peer did not record our Follow; raw inbox: " + peer.raw() + "\n" + peer.log());

            StubActor.Received accept = Await.until(WAIT, () -> verifiedInbox(stub, peer), r -> r != null,
                    () -> "no verified Accept reached the stub inbox; it got: " + describe(stub.inbox())
                            + "\n--- peer output:\n" + peer.log());
            assertEquals(new Verification.Verified(peer.actorUrl() + "#main-key", peer.actorUrl()), accept.verdict());
            assertTrue(accept.body().contains("\"Accept\"") && accept.body().contains(followId), accept.body());
            assertKnocks(knock, stub.signedRequests());
        }
    }

    @ParameterizedTest
    @EnumSource(FirstKnock.class)
    void fedifySignedGetsAndFollowOfOurActorVerify(FirstKnock knock) throws Exception {
        try (FedifyPeer peer = FedifyPeer.start("fan", knock); StubActor stub = new StubActor()) {
            String followId = peer.follow(stub.actorId());

            List<StubActor.Received> gets = Await.until(WAIT, stub::actorGets,
                    all -> all.stream().anyMatch(r -> r.verdict() instanceof Verification.Verified),
                    () -> "no signed GET of the stub actor verified; GETs: " + describe(stub.actorGets())
                            + "\n--- peer output:\n" + peer.log());
            StubActor.Received get = gets.stream().filter(r -> r.verdict() instanceof Verification.Verified)
                    .findFirst().orElseThrow();
            assertEquals(new Verification.Verified(peer.actorUrl() + "#main-key", peer.actorUrl()), get.verdict());
            assertEquals("GET", get.method());

            StubActor.Received delivered = Await.until(WAIT, () -> verifiedInbox(stub, peer), r -> r != null,
                    () -> "the peer's Follow did not verify at the stub inbox; it got: " + describe(stub.inbox())
                            + "\n--- peer output:\n" + peer.log());
            assertTrue(delivered.body().contains(followId), delivered.body());
            assertKnocks(knock, stub.signedRequests());
        }
    }

    /** The first inbox POST from the peer that verified, or null. */
    private static StubActor.Received verifiedInbox(StubActor stub, FedifyPeer peer) {
        return stub.inbox().stream()
                .filter(r -> r.verdict() instanceof Verification.Verified v && v.ownerActorId().equals(peer.actorUrl()))
                .findFirst().orElse(null);
    }

    /**
     * With the cavage first knock every signed request is cavage and verifies. With the RFC 9421 first knock the
     * first signed request is RFC 9421, refused as an unsupported scheme with a 401; Fedify retries it with cavage,
     * which verifies, and remembers that for our origin (later requests come with cavage at once).
     */
    private static void assertKnocks(FirstKnock knock, List<StubActor.Received> requests) {
        String what = "signed requests to the stub";
        assertFalse(requests.isEmpty(), what + ": none");
        if (knock == FirstKnock.DRAFT_CAVAGE) {
            for (StubActor.Received r : requests) {
                assertFalse(r.rfc9421(), what + ": RFC 9421 despite the cavage first knock: " + describe(requests));
                assertTrue(r.verdict() instanceof Verification.Verified, what + ": " + describe(requests));
            }
            return;
        }
        StubActor.Received first = requests.get(0);
        assertTrue(first.rfc9421(), what + ": first knock was not RFC 9421: " + describe(requests));
        assertEquals(new Verification.Refused(Verification.Reason.UNSUPPORTED_SCHEME, "RFC 9421 HTTP message"
                + " signatures are not accepted here; sign with draft-cavage-http-signatures-12"), first.verdict());
        assertEquals(401, first.status());
        assertTrue(requests.size() > 1 && !requests.get(1).rfc9421()
                        && requests.get(1).verdict() instanceof Verification.Verified
                        && requests.get(1).target().equals(first.target()),
                what + ": no verified cavage retry of " + first.target() + ": " + describe(requests));
        assertEquals(1, requests.stream().filter(StubActor.Received::rfc9421).count(),
                what + ": Fedify knocked with RFC 9421 again: " + describe(requests));
    }

    private static String describe(List<StubActor.Received> requests) {
        return requests.stream().map(r -> "\n  " + r.method() + " " + r.target() + " -> " + r.status() + " "
                + r.verdict() + " (signature " + r.headers().first("Signature").orElse("-") + ")")
                .collect(Collectors.joining());
    }
}
