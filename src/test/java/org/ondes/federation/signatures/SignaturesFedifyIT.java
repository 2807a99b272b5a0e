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
 * directions:
 * <ul>
 *   <li>a Follow signed by {@link HttpSigner} is accepted by Fedify's inbox (202) and recorded;</li>
 *   <li>the Accept Fedify sends back, the signed GETs it makes of our actor, and the Follow, Create and Undo it
 *       sends through the peer's test hooks verify with {@link HttpVerifier}:
 *       draft-cavage when Fedify knocks first with it, RFC 9421 when it knocks first with that, and, for a
 *       draft-cavage-only verifier, draft-cavage after our 401 to the RFC 9421 knock made Fedify fall back.</li>
 * </ul>
 */
@Tag("e2e")
class SignaturesFedifyIT {

    /** Fedify's first knock, and whether our side verifies RFC 9421 or answers it 401 as an unsupported scheme. */
    enum Scenario {
        CAVAGE_FIRST(FirstKnock.DRAFT_CAVAGE, true),
        RFC9421_FIRST(FirstKnock.RFC9421, true),
        RFC9421_FIRST_TO_CAVAGE_ONLY_VERIFIER(FirstKnock.RFC9421, false);

        final FirstKnock knock;
        final boolean acceptRfc9421;

        Scenario(FirstKnock knock, boolean acceptRfc9421) {
            this.knock = knock;
            this.acceptRfc9421 = acceptRfc9421;
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void fedifyAcceptsOurSignedFollowAndItsAcceptVerifies(Scenario scenario) throws Exception {
        try (FedifyPeer peer = FedifyPeer.start("peer", scenario.knock);
             StubActor stub = new StubActor(scenario.acceptRfc9421)) {
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
            assertKnocks(scenario, stub.signedRequests());
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void fedifySignedGetsFollowCreateAndUndoVerify(Scenario scenario) throws Exception {
        try (FedifyPeer peer = FedifyPeer.start("fan", scenario.knock);
             StubActor stub = new StubActor(scenario.acceptRfc9421)) {
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
            if (scenario == Scenario.RFC9421_FIRST) {
                assertTrue(get.rfc9421() && delivered.rfc9421(), "expected RFC 9421 GET and POST to verify: "
                        + describe(stub.signedRequests()));
            }

            String noteId = peer.actorUrl() + "/notes/" + UUID.randomUUID();
            peer.send(stub.base() + "/inbox", StubActor.json(Map.of(
                    "@context", "https://www.w3.org/ns/activitystreams", "type", "Create",
                    "id", noteId + "/activity", "actor", peer.actorUrl(),
                    "object", Map.of("type", "Note", "id", noteId, "attributedTo", peer.actorUrl(),
                            "content", "<p>live now</p>"))));
            peer.unfollow(stub.actorId());
            Await.until(WAIT, stub::inbox, got -> verifiedBody(got, peer, "\"Create\"") && verifiedBody(got, peer, "\"Undo\""),
                    () -> "the peer's Create and Undo did not verify at the stub inbox: " + describe(stub.inbox()));
            assertKnocks(scenario, stub.signedRequests());
        }
    }

    private static boolean verifiedBody(List<StubActor.Received> inbox, FedifyPeer peer, String text) {
        return inbox.stream().anyMatch(r -> r.verdict() instanceof Verification.Verified v
                && v.ownerActorId().equals(peer.actorUrl()) && r.body().contains(text));
    }

    /** The first inbox POST from the peer that verified, or null. */
    private static StubActor.Received verifiedInbox(StubActor stub, FedifyPeer peer) {
        return stub.inbox().stream()
                .filter(r -> r.verdict() instanceof Verification.Verified v && v.ownerActorId().equals(peer.actorUrl()))
                .findFirst().orElse(null);
    }

    /**
     * Every signed request verifies, or is refused with a 401 and retried at once with draft-cavage, which verifies.
     * Refusals: for a draft-cavage-only verifier, the RFC 9421 first knock (UNSUPPORTED_SCHEME), after which Fedify
     * remembers draft-cavage for our origin; for a verifier of both, only RFC 9421 GETs of our key URL
     * ({@code /actor#main-key}), which Fedify 2.3.6 signs with the fragment in {@code @target-uri} although no
     * fragment is ever sent, so no receiver can rebuild that base (BAD_SIGNATURE).
     */
    private static void assertKnocks(Scenario scenario, List<StubActor.Received> requests) {
        String all = describe(requests);
        assertFalse(requests.isEmpty(), "no signed request reached the stub");
        for (int i = 0; i < requests.size(); i++) {
            StubActor.Received r = requests.get(i);
            if (scenario.knock == FirstKnock.DRAFT_CAVAGE || !scenario.acceptRfc9421) {
                assertTrue(r.verdict() instanceof Verification.Verified || r.rfc9421(), "refused cavage: " + all);
            }
            if (r.verdict() instanceof Verification.Verified) {
                assertTrue(scenario.knock == FirstKnock.RFC9421 || !r.rfc9421(), "RFC 9421 to a cavage knock: " + all);
                continue;
            }
            Verification.Reason expected = scenario.acceptRfc9421 ? Verification.Reason.BAD_SIGNATURE
                    : Verification.Reason.UNSUPPORTED_SCHEME;
            assertEquals(expected, ((Verification.Refused) r.verdict()).reason(), all);
            assertEquals(401, r.status(), all);
            if (scenario.acceptRfc9421) {
                assertEquals("GET", r.method(), "only key fetches may fail: " + all);
            }
            assertTrue(i + 1 < requests.size() && !requests.get(i + 1).rfc9421()
                    && requests.get(i + 1).verdict() instanceof Verification.Verified
                    && requests.get(i + 1).target().equals(r.target()), "no verified cavage retry: " + all);
        }
        if (!scenario.acceptRfc9421) {
            assertTrue(requests.get(0).rfc9421(), "the first knock was not RFC 9421: " + all);
            assertEquals(1, requests.stream().filter(StubActor.Received::rfc9421).count(),
                    "Fedify knocked with RFC 9421 again after falling back: " + all);
        }
    }

    private static String describe(List<StubActor.Received> requests) {
        return requests.stream().map(r -> "\n  " + r.method() + " " + r.target() + " -> " + r.status() + " "
                + r.verdict() + " (signature-input " + r.headers().first("Signature-Input").orElse("-")
                + ", signature " + r.headers().first("Signature").orElse("-") + ")")
                .collect(Collectors.joining());
    }
}
