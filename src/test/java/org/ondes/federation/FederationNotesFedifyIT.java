package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FedifyPeer;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person on an independent ActivityPub server (a Fedify 2.3.6 peer, with either first knock) finds a station by
 * WebFinger, follows it, gets the go-live Note when it goes on air and its edit when it goes off air, and unfollows.
 * The peer verifies every signature, so what it lists is what a real fediverse server would accept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationNotesFedifyIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    OndesInstance ondes;
    OndesApi api;
    FakeIcecastMount mount;

    @BeforeAll
    void start() throws Exception {
        int port = FreePorts.next();
        ondes = OndesInstance.start(TestDb.newSchema(), port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true",
                "ondes.federation.note-min-interval", "PT0S"));
        api = ondes.api();
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        if (mount != null) {
            mount.close();
        }
        if (ondes != null) {
            ondes.close();
        }
    }

    @Test
    void aFedifyPeerWithItsDefaultRfc9421KnockGetsTheGoLiveNote() {
        followAndReceiveNotes(FedifyPeer.FirstKnock.RFC9421);
    }

    @Test
    void aFedifyPeerWithDraftCavageSignaturesGetsTheGoLiveNote() {
        followAndReceiveNotes(FedifyPeer.FirstKnock.DRAFT_CAVAGE);
    }

    private long followers(String stationId) {
        return ((Number) api.send("GET", "/stations/" + stationId + "/followers", null, null,
                Map.of("Accept", Publications.AS_ACCEPT)).json().get("totalItems")).longValue();
    }

    private ListedStream announce(OndesApi.User user, String name) {
        String url = mount.url("/" + UUID.randomUUID() + ".ogg");
        return ListedStream.announce(api, user, url, IcecastWire.add(name, "jazz", url));
    }

    /** The raw JSON of the first activity of this type the peer's inbox accepted (202), with every property we sent. */
    private static Map<String, Object> raw(FedifyPeer peer, String type) {
        return peer.raw().stream().filter(r -> ((Number) r.get("status")).intValue() == 202)
                .map(r -> OndesApi.json((String) r.get("body"))).filter(a -> type.equals(a.get("type")))
                .findFirst().orElse(null);
    }

    private void followAndReceiveNotes(FedifyPeer.FirstKnock knock) {
        OndesApi.User user = api.newUser();
        String name = "Fedify Jazz " + knock.name().toLowerCase().replace('_', ' ');
        ListedStream first = announce(user, name);
        String station = first.stationId();
        String actor = ondes.baseUrl() + "/stations/" + station;
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + station, user.bearer(),
                "{\"logoUrl\": \"https://img.example/fedify.png\"}").status());
        assertTrue(first.remove(api, user).ok());
        String handle = (String) api.get("/api/v1/stations/" + station, null).json().get("handle");

        try (FedifyPeer peer = FedifyPeer.start("fan-" + knock.name().toLowerCase().replace('_', '-'), knock)) {
            peer.follow("acct:" + handle.substring(1)); // @name@host, found by WebFinger
            Await.until(WAIT, () -> followers(station), n -> n == 1, () -> "not followed; peer log:\n" + peer.log());
            Await.until(WAIT, () -> peer.received().stream().anyMatch(a -> "Accept".equals(a.get("type"))), ok -> ok,
                    () -> "no Accept; peer log:\n" + peer.log());

            ListedStream live = announce(user, name);
            Map<String, Object> create = Await.until(WAIT, () -> raw(peer, "Create"), c -> c != null,
                    () -> "no Create accepted by the peer; its inbox saw " + peer.raw() + "\nlog:\n" + peer.log());
            assertTrue(peer.received().stream().anyMatch(a -> "Create".equals(a.get("type"))), "parsed by Fedify");
            assertEquals(actor, create.get("actor"));
            Map<?, ?> note = (Map<?, ?>) create.get("object");
            assertEquals("Note", note.get("type"));
            String content = (String) note.get("content");
            assertTrue(content.contains(">" + name + "</a> is live now."), content);
            assertTrue(content.contains("class=\"mention hashtag\" rel=\"tag\">#<span>jazz</span></a>"), content);
            assertTrue(content.contains("<a href=\"" + live.listenUrl() + "\" rel=\"nofollow noopener noreferrer\">Listen</a>"),
                    content);
            assertEquals(List.of(Map.of("type", "Hashtag", "name", "#jazz", "href", ondes.baseUrl() + "/?genre=jazz")),
                    note.get("tag"));
            List<?> attachments = (List<?>) note.get("attachment");
            assertEquals(1, attachments.size(), "the logo only: " + attachments);
            assertEquals("https://img.example/fedify.png", ((Map<?, ?>) attachments.get(0)).get("url"));
            assertFalse(attachments.toString().contains(live.listenUrl()), "never the stream");

            assertTrue(live.remove(api, user).ok());
            Map<String, Object> update = Await.until(WAIT, () -> raw(peer, "Update"), u -> u != null,
                    () -> "no Update accepted by the peer; its inbox saw " + peer.raw() + "\nlog:\n" + peer.log());
            Map<?, ?> ended = (Map<?, ?>) update.get("object");
            assertEquals(note.get("id"), ended.get("id"));
            assertTrue(((String) ended.get("content")).contains(" was live "), (String) ended.get("content"));
            assertTrue(ended.get("updated") instanceof String);

            peer.unfollow(actor);
            Await.until(WAIT, () -> followers(station), n -> n == 0, () -> "not unfollowed; peer log:\n" + peer.log());
        }
    }
}
