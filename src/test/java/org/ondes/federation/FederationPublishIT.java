package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.StubInbox;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.federation.Publications.about;
import static org.ondes.federation.Publications.activities;
import static org.ondes.federation.Publications.object;

/**
 * What a station going live, changing and ending sends, as received by stub inboxes: an Ondes catalog following the
 * instance actor gets the Audio activities of fed-wire.md, a person following the station gets the go-live Note and
 * its edit when the station goes off air, and nothing at all leaves for unlisted stations. The published objects
 * dereference at their ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationPublishIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration UPDATE_MIN_INTERVAL = Duration.ofSeconds(2);
    static final Duration NOTE_MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration LISTENERS_DELAY = Duration.ofSeconds(3);
    TestDb.Schema db;
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User admin;
    FakeIcecastMount mount;
    StubInbox catalog;

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        int port = FreePorts.next();
        ondes = OndesInstance.start(db, port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", "true",
                "ondes.federation.live-update-min-interval", "PT" + UPDATE_MIN_INTERVAL.toSeconds() + "S",
                "ondes.federation.live-refresh", "PT1H",
                "ondes.federation.note-min-interval", "PT" + NOTE_MIN_INTERVAL.toSeconds() + "S",
                "ondes.federation.listeners-update-delay", "PT" + LISTENERS_DELAY.toSeconds() + "S"));
        api = ondes.api();
        admin = api.newUser(); // the first account is the admin
        mount = new FakeIcecastMount();
        catalog = StubInbox.answering(202);
        Publications.follower(db, "instance", catalog.url("/actor"), catalog.url("/inbox"), true);
    }

    @AfterAll
    void stop() throws Exception {
        if (catalog != null) {
            catalog.close();
        }
        if (mount != null) {
            mount.close();
        }
        if (ondes != null) {
            ondes.close();
        }
    }

    String audioId(ListedStream s) {
        return ondes.baseUrl() + "/live/" + s.sessionId();
    }

    String actor(String stationId) {
        return ondes.baseUrl() + "/stations/" + stationId;
    }

    Map<String, Object> awaitOne(StubInbox stub, String type, String objectId) {
        return Await.until(WAIT, () -> about(stub, type, objectId), l -> !l.isEmpty(),
                () -> "no " + type + " of " + objectId + "; received: " + activities(stub)).get(0);
    }

    ListedStream announce(OndesApi.User user, String name, String genre) {
        String url = mount.url("/" + UUID.randomUUID() + ".ogg");
        return ListedStream.announce(api, user, url, IcecastWire.add(name, genre, url));
    }

    OndesApi.Response getAs(String path, String accept) {
        return api.send("GET", path, null, null, Map.of("Accept", accept));
    }

    @Test
    void catalogsGetTheLiveSessionAsAudioCreatedUpdatedAndDeleted() {
        OndesApi.User user = api.newUser();
        ListedStream s = announce(user, "Night <Owl> Radio", "jazz");
        String id = audioId(s);
        Map<String, Object> create = awaitOne(catalog, "Create", id);
        assertEquals(actor(s.stationId()), create.get("actor"));
        assertEquals(List.of(Activities.PUBLIC), create.get("to"));
        assertEquals(List.of(actor(s.stationId()) + "/followers"), create.get("cc"));
        assertTrue(((String) create.get("id")).startsWith(ondes.baseUrl() + "/activities/"));
        Map<String, Object> audio = object(create);
        assertEquals("Audio", audio.get("type"));
        assertEquals(actor(s.stationId()), audio.get("attributedTo"));
        assertEquals("Night <Owl> Radio", audio.get("name"), "plain text, as announced");
        Map<?, ?> listen = (Map<?, ?>) ((List<?>) audio.get("url")).get(0);
        assertEquals(s.listenUrl(), listen.get("href"));
        assertEquals("application/ogg", listen.get("mediaType"), "the type Icecast announced");
        assertEquals(true, audio.get("isLiveBroadcast"));
        assertTrue(Instant.parse((String) audio.get("startTime")).isBefore(Instant.now()));
        assertEquals(0, audio.get("listeners"));
        assertEquals(3600, audio.get("refreshInterval"));
        assertEquals(List.of(Map.of("type", "Hashtag", "name", "#jazz", "href", ondes.baseUrl() + "/?genre=jazz")),
                audio.get("tag"));

        // the id dereferences to the same object while live; browsers go to the station page
        OndesApi.Response live = getAs("/live/" + s.sessionId(), Publications.AS_ACCEPT);
        assertEquals(200, live.status(), live.body());
        assertTrue(live.contentType().startsWith("application/activity+json"), live.contentType());
        assertEquals(id, live.json().get("id"));
        assertEquals(audio.get("attributedTo"), live.json().get("attributedTo"));
        OndesApi.Response browser = getAs("/live/" + s.sessionId(), "text/html");
        assertEquals(303, browser.status());
        assertEquals(actor(s.stationId()), browser.header("Location"));

        // a burst of song changes: one Update, after the minimum interval, with the last song
        for (String song : List.of("A - One", "B - Two", "C - Three", "D - Four")) {
            assertTrue(s.touch(api, user, song, 5).ok());
        }
        Map<String, Object> update = Await.until(WAIT, () -> about(catalog, "Update", id), l -> l.stream()
                        .anyMatch(u -> "D - Four".equals(object(u).get("nowPlaying"))),
                () -> "no Update with the last song; received: " + activities(catalog)).get(0);
        assertEquals("D - Four", object(update).get("nowPlaying"), "coalesced: the last state wins");
        assertEquals(5, object(update).get("listeners"));
        Instant sentAfter = Instant.now();
        Await.until(WAIT, Instant::now, now -> now.isAfter(sentAfter.plus(UPDATE_MIN_INTERVAL.multipliedBy(2))),
                () -> "time stood still");
        assertEquals(1, about(catalog, "Update", id).size(), "one Update for the whole burst: " + activities(catalog));
        assertEquals(1, about(catalog, "Create", id).size());

        // the source goes away: Delete, and the id answers 410 with a Tombstone
        assertTrue(s.remove(api, user).ok());
        Map<String, Object> delete = awaitOne(catalog, "Delete", id);
        assertEquals(id, delete.get("object"), "a bare id");
        assertEquals(actor(s.stationId()), delete.get("actor"));
        OndesApi.Response gone = getAs("/live/" + s.sessionId(), Publications.AS_ACCEPT);
        assertEquals(410, gone.status());
        assertEquals("Tombstone", gone.json().get("type"));
        assertEquals("Audio", gone.json().get("formerType"));
        assertEquals(id, gone.json().get("id"));
        assertEquals(404, getAs("/live/" + UUID.randomUUID(), Publications.AS_ACCEPT).status(), "never published");
        assertEquals(404, getAs("/live/nonsense", Publications.AS_ACCEPT).status());
    }

    @Test
    void aChangeOfTheListenerCountAloneReachesCatalogsAfterItsDelay() {
        OndesApi.User user = api.newUser();
        ListedStream s = announce(user, "Count Radio", "ambient");
        String id = audioId(s);
        awaitOne(catalog, "Create", id);
        assertTrue(s.touch(api, user, "Same Song", 3).ok());
        Await.until(WAIT, () -> about(catalog, "Update", id), l -> l.stream()
                        .anyMatch(u -> Integer.valueOf(3).equals(object(u).get("listeners"))),
                () -> "no Update for the song; received: " + activities(catalog));

        Instant touched = Instant.now();
        for (int listeners : List.of(7, 9, 12)) {
            assertTrue(s.touch(api, user, "Same Song", listeners).ok());
        }
        Map<String, Object> update = Await.until(WAIT, () -> about(catalog, "Update", id).stream()
                        .filter(u -> Integer.valueOf(12).equals(object(u).get("listeners"))).toList(), l -> !l.isEmpty(),
                () -> "no Update with the new listener count; received: " + activities(catalog)).get(0);
        assertTrue(Instant.now().isAfter(touched.plus(LISTENERS_DELAY).minusMillis(500)),
                "a listener count alone waits for its delay");
        assertEquals("Same Song", object(update).get("nowPlaying"));
        assertEquals(2, about(catalog, "Update", id).size(), "the three counts went in one Update: " + activities(catalog));
        assertTrue(s.remove(api, user).ok());
        awaitOne(catalog, "Delete", id);
    }

    @Test
    void peopleFollowingAStationGetTheGoLiveNoteAndItsEndButNoAudio() throws Exception {
        OndesApi.User user = api.newUser();
        ListedStream first = announce(user, "Owl & Friends", "jazz");
        String station = first.stationId();
        OndesApi.Response patched = api.send("PATCH", "/api/v1/me/stations/" + station, user.bearer(), """
                {"logoUrl": "https://img.example/owl.png", "genres": ["jazz", "Lo-Fi"],
                 "description": "Late jazz from Lyon & Grenoble"}""");
        assertEquals(200, patched.status(), patched.body());
        assertTrue(first.remove(api, user).ok());
        awaitOne(catalog, "Delete", audioId(first));
        try (StubInbox fan = StubInbox.answering(202)) {
            Publications.follower(db, station, fan.url("/users/fan"), fan.url("/users/fan/inbox"), false);
            Instant ended = Instant.now();
            Await.until(WAIT, Instant::now, now -> now.isAfter(ended.plus(NOTE_MIN_INTERVAL)), () -> "");

            ListedStream again = announce(user, "Owl & Friends", "jazz");
            Map<String, Object> create = Await.until(WAIT, () -> activities(fan), l -> !l.isEmpty(),
                    () -> "the follower got nothing").get(0);
            assertEquals("Create", create.get("type"));
            assertEquals(actor(station), create.get("actor"));
            Map<String, Object> note = object(create);
            assertEquals("Note", note.get("type"));
            assertEquals(List.of(Activities.PUBLIC), note.get("to"));
            assertEquals(List.of(actor(station) + "/followers"), note.get("cc"));
            assertEquals(actor(station), note.get("url"));
            String content = (String) note.get("content");
            assertTrue(content.contains(">Owl &amp; Friends</a> is live now."), content);
            assertTrue(content.contains("<p>Late jazz from Lyon &amp; Grenoble</p>"), content);
            assertTrue(content.contains("class=\"mention hashtag\" rel=\"tag\">#<span>lofi</span></a>"), content);
            assertTrue(content.contains("<a href=\"" + again.listenUrl() + "\" rel=\"nofollow noopener noreferrer\">Listen</a>"),
                    content);
            assertEquals(List.of(Map.of("type", "Image", "mediaType", "image/png", "url", "https://img.example/owl.png",
                    "name", "Logo of Owl & Friends")), note.get("attachment"), "the logo, never the stream");
            assertEquals(2, ((List<?>) note.get("tag")).size());

            // the Note dereferences, and is the newest item of the station's outbox
            String noteId = (String) note.get("id");
            String notePath = noteId.substring(ondes.baseUrl().length());
            OndesApi.Response fetched = getAs(notePath, Publications.AS_ACCEPT);
            assertEquals(200, fetched.status());
            assertEquals(content, fetched.json().get("content"));
            assertEquals(303, getAs(notePath, "text/html").status());
            Map<String, Object> outbox = getAs("/stations/" + station + "/outbox", Publications.AS_ACCEPT).json();
            assertEquals("OrderedCollection", outbox.get("type"));
            assertEquals(2, ((Number) outbox.get("totalItems")).intValue(), "the first go-live had a Note too");
            Map<?, ?> page = (Map<?, ?>) outbox.get("first");
            Map<?, ?> newest = (Map<?, ?>) ((List<?>) page.get("orderedItems")).get(0);
            assertEquals(create.get("id"), newest.get("id"));
            assertEquals(noteId, ((Map<?, ?>) newest.get("object")).get("id"));

            // the catalog gets the Audio of the new session, but not the Note (it does not follow the station)
            awaitOne(catalog, "Create", audioId(again));
            assertTrue(about(catalog, "Create", noteId).isEmpty());

            assertTrue(again.remove(api, user).ok());
            Map<String, Object> update = awaitOne(fan, "Update", noteId);
            Map<String, Object> ended2 = object(update);
            assertTrue(((String) ended2.get("content")).contains(" was live "), (String) ended2.get("content"));
            assertFalse(((String) ended2.get("content")).contains(">Listen<"));
            assertTrue(ended2.get("updated") instanceof String);
            assertEquals(2, activities(fan).size(), "only the Note and its edit: " + activities(fan));
            assertTrue(activities(fan).stream().allMatch(a -> "Note".equals(object(a).get("type"))));
            assertTrue(fan.received().stream().allMatch(r -> r.path().equals("/users/fan/inbox")));
        }
    }

    @Test
    void aStationGetsOneNotePerGoLiveNotOnePerMount() {
        OndesApi.User user = api.newUser();
        ListedStream s = announce(user, "Flapping FM", "rock");
        awaitOne(catalog, "Create", audioId(s));
        Map<String, Object> outbox = getAs("/stations/" + s.stationId() + "/outbox", Publications.AS_ACCEPT).json();
        assertEquals(1, ((Number) outbox.get("totalItems")).intValue());
        ListedStream relay = announce(user, "Flapping FM", "rock");
        awaitOne(catalog, "Create", audioId(relay));
        assertEquals(s.stationId(), relay.stationId(), "a second mount of one station");
        outbox = getAs("/stations/" + s.stationId() + "/outbox", Publications.AS_ACCEPT).json();
        assertEquals(1, ((Number) outbox.get("totalItems")).intValue(), "one Note per station, not per mount");
    }

    @Test
    void unlistedStationsPublishNothingAndUnlistingOrHidingALiveOneDeletesIt() {
        OndesApi.User user = api.newUser();
        ListedStream s = announce(user, "Quiet Room", "ambient");
        awaitOne(catalog, "Create", audioId(s));
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + s.stationId(), user.bearer(),
                "{\"hidden\": true}").status());
        awaitOne(catalog, "Delete", audioId(s));
        assertEquals(410, getAs("/live/" + s.sessionId(), Publications.AS_ACCEPT).status());

        // while unlisted, a new session is not published at all
        assertTrue(s.remove(api, user).ok());
        String url = mount.url("/" + UUID.randomUUID() + ".ogg");
        assertTrue(api.ypRaw(user.ypToken(), IcecastWire.add("Quiet Room", "ambient", url)).contains("YPResponse: 1"));
        String session = Await.until(WAIT, () -> api.ownSession(user.bearer(), url), m -> m != null
                && "listed".equals(m.get("state")), () -> "not listed").get("id").toString();
        ListedStream marker = announce(api.newUser(), "Public Marker", "pop");
        awaitOne(catalog, "Create", audioId(marker)); // events are handled in order: the unlisted one was before
        assertEquals(404, getAs("/live/" + session, Publications.AS_ACCEPT).status());
        assertTrue(activities(catalog).stream().noneMatch(a -> a.toString().contains(session)));

        // a moderator hides a live public station: Delete
        ListedStream h = announce(user, "Spam Radio", "spam");
        awaitOne(catalog, "Create", audioId(h));
        assertEquals(200, api.send("POST", "/api/v1/moderation/stations/" + h.stationId() + "/hide", admin.bearer(),
                "{\"reason\": \"spam\"}").status());
        awaitOne(catalog, "Delete", audioId(h));
        assertEquals(410, getAs("/live/" + h.sessionId(), Publications.AS_ACCEPT).status());
    }
}
