package org.ondes.yp;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The YP endpoint over real HTTP against a real PostgreSQL: what Icecast and the streamer observe. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YpIngestIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    OndesApi api;
    FakeIcecastMount mount;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void start() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private YpReplyHead yp(OndesApi.User user, byte[] body) {
        return YpReplyHead.parse(api.ypRaw(user.ypToken(), body));
    }

    private Map<String, Object> session(OndesApi.User user, String sessionListenUrl) {
        return api.ownSession(user.bearer(), sessionListenUrl);
    }

    private Map<String, Object> listed(String listenUrl) {
        return api.listedStream(listenUrl);
    }

    private void awaitListed(String listenUrl) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (listed(listenUrl) != null) {
                return;
            }
            Thread.sleep(200);
        }
        fail("stream " + listenUrl + " was not listed within 15 s; catalog: " + api.get("/api/v1/streams", null).body());
    }

    @Test
    void addIsAcceptedWithExactHeaderBytesOnTheWire() {
        OndesApi.User user = api.newUser();
        String raw = api.ypRaw(user.ypToken(), IcecastWire.add("Wire Radio", "Test Tones", mount.url("/wire.ogg")));
        assertTrue(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw);
        assertTrue(raw.contains("\r\nYPResponse: 1\r\n"), raw);
        assertTrue(raw.contains("\r\nYPMessage: Successfully added."), raw);
        assertTrue(raw.matches("(?s).*\r\nSID: [A-F0-9-]{36}\r\n.*"), raw);
        assertTrue(raw.contains("\r\nTouchFreq: 180\r\n"), raw);
    }

    @Test
    void streamIsPendingThenListedThenFollowsTouchesAndLeavesOnRemove() throws Exception {
        OndesApi.User user = api.newUser();
        String url = mount.url("/life.ogg");
        YpReplyHead added = yp(user, IcecastWire.add("Life Cycle FM", "Test Tones", url));
        assertTrue(added.ok(), added.raw());
        Map<String, Object> pending = session(user, url);
        assertTrue(pending != null && List.of("pending", "listed").contains(pending.get("state")), String.valueOf(pending));

        awaitListed(url);
        Map<String, Object> item = listed(url);
        assertEquals("Life Cycle FM", item.get("name"));
        assertEquals(List.of("test", "tones"), item.get("genres"));
        assertEquals("A 440 Hz sine & friends", item.get("description"), "description is plain text, HTML stripped");
        assertEquals("http://example.org/feas", item.get("homepage"));
        assertEquals("application/ogg", item.get("contentType"));
        assertEquals("Vorbis", item.get("codec"));
        assertEquals(96, item.get("bitrate"));

        YpReplyHead touched = yp(user, IcecastWire.touch(added.sid(), "Motörhead - Ace of Spades", 12));
        assertTrue(touched.ok(), touched.raw());
        assertEquals("Updated server info.", touched.message());
        item = api.awaitListed(url, m -> "Motörhead - Ace of Spades".equals(m.get("currentSong")));
        assertEquals(12, item.get("listeners"));
        assertEquals(100, item.get("maxListeners"));

        YpReplyHead removed = yp(user, IcecastWire.remove(added.sid()));
        assertTrue(removed.ok(), removed.raw());
        assertEquals("Deleted server info.", removed.message());
        assertEquals(null, listed(url), "a removed stream leaves the catalog at once");
        assertEquals(null, session(user, url), "the owner sees no live session any more");
    }

    @Test
    void refusalsAreWellFormedAndSayWhatToFix() {
        OndesApi.User user = api.newUser();
        String good = mount.url("/r.ogg");
        Map<String, byte[]> cases = Map.of(
                "missing sn", IcecastWire.raw("action=add&genre=x&type=audio%2fmpeg&listenurl=" + IcecastWire.esc(good) + "\r\n"),
                "missing type", IcecastWire.raw("action=add&sn=Radio&listenurl=" + IcecastWire.esc(good) + "\r\n"),
                "missing listenurl", IcecastWire.raw("action=add&sn=Radio&type=audio%2fmpeg\r\n"),
                "Default stream name", IcecastWire.add("Unspecified name", "various", good),
                "http or https", IcecastWire.add("Radio", "x", "ftp://radio.example.net/live"),
                "brackets", IcecastWire.add("Radio", "x", "http://2001:db8::1:8000/live"),
                "No action key provided.", IcecastWire.raw("sn=Radio"),
                "Unknown action", IcecastWire.raw("action=list"));
        cases.forEach((expected, body) -> {
            YpReplyHead r = yp(user, body);
            assertTrue(r.raw().startsWith("HTTP/1.1 200 OK\r\n"), r.raw());
            assertTrue(r.raw().contains("\r\nYPResponse: 0\r\n"), expected + ": " + r.raw());
            assertTrue(r.message().contains(expected), "expected '" + expected + "' in " + r.message());
            assertEquals("-1", r.sid());
        });
    }

    @Test
    void unknownAndMalformedTokensAreRefusedForEveryAction() {
        String unknown = "A".repeat(43);
        for (String token : List.of(unknown, "short", "has%20space")) {
            YpReplyHead add = YpReplyHead.parse(api.ypRaw(token, IcecastWire.add("Radio", "x", mount.url("/t.ogg"))));
            assertFalse(add.ok(), add.raw());
            assertTrue(add.message().startsWith("Add refused. Reason: unknown YP token"), add.message());
            YpReplyHead touch = YpReplyHead.parse(api.ypRaw(token, IcecastWire.touch(UUID.randomUUID().toString(), "x", 1)));
            assertFalse(touch.ok(), touch.raw());
        }
    }

    @Test
    void reAddForTheSameListenUrlReplacesTheSession() throws Exception {
        OndesApi.User user = api.newUser();
        String url = mount.url("/again.ogg");
        YpReplyHead first = yp(user, IcecastWire.add("Again Radio", "jazz", url));
        YpReplyHead second = yp(user, IcecastWire.add("Again Radio", "jazz", url));
        assertTrue(first.ok() && second.ok(), second.raw());
        assertNotEquals(first.sid(), second.sid(), "a re-add gets a new SID");

        YpReplyHead oldTouch = yp(user, IcecastWire.touch(first.sid(), "", 0));
        assertFalse(oldTouch.ok());
        assertTrue(oldTouch.message().contains("replaced"), oldTouch.message());
        assertTrue(yp(user, IcecastWire.touch(second.sid(), "", 0)).ok());
        awaitListed(url);
        assertEquals(1L, ((List<?>) api.get("/api/v1/streams?limit=500", null).json().get("items")).stream()
                .filter(o -> url.equals(((Map<?, ?>) o).get("listenUrl"))).count(), "listed once, not twice");
    }

    @Test
    @SuppressWarnings("unchecked")
    void relaysAnnouncingTheSameNameGroupIntoOneStation() {
        OndesApi.User user = api.newUser();
        assertTrue(yp(user, IcecastWire.add("Relay Radio", "dub", mount.url("/relay-a.ogg"))).ok());
        assertTrue(yp(user, IcecastWire.add("relay  radio", "dub", mount.url("/relay-b.mp3"))).ok());
        assertTrue(yp(user, IcecastWire.add("Other Show", "dub", mount.url("/other.ogg"))).ok());
        List<Object> stations = api.get("/api/v1/me/stations", user.bearer()).jsonList();
        assertEquals(2, stations.size(), String.valueOf(stations));
        Map<String, Object> relay = (Map<String, Object>) stations.stream()
                .filter(st -> "relay radio".equalsIgnoreCase(String.valueOf(((Map<String, Object>) st).get("name")).replace("  ", " ")))
                .findFirst().orElseThrow();
        assertEquals(2, ((List<Object>) relay.get("sessions")).size(), "one station, one session per listen URL");
    }

    @Test
    void touchWithUnknownSidAdvisesLikeDirXiphOrg() {
        OndesApi.User user = api.newUser();
        YpReplyHead r = yp(user, IcecastWire.touch("3F2504E0-4F89-41D3-9A0C-0305E82C3301", "x", 1));
        assertFalse(r.ok());
        assertEquals("SID does not exist. Check your firewall, your server may be unreachable from outside.", r.message());
    }

    @Test
    void aSidOnlyWorksWithTheTokenThatAddedIt() {
        OndesApi.User owner = api.newUser();
        OndesApi.User other = api.newUser();
        YpReplyHead added = yp(owner, IcecastWire.add("Owned Radio", "x", mount.url("/owned.ogg")));
        assertFalse(yp(other, IcecastWire.touch(added.sid(), "hijack", 1)).ok());
        assertFalse(yp(other, IcecastWire.remove(added.sid())).ok());
        assertTrue(yp(owner, IcecastWire.touch(added.sid(), "fine", 1)).ok(), "the owner's session is untouched");
    }

    @Test
    void revokingATokenDelistsItsStreamsAndRefusesItAtOnce() throws Exception {
        OndesApi.User user = api.newUser();
        String url = mount.url("/revoked.ogg");
        YpReplyHead added = yp(user, IcecastWire.add("Soon Revoked", "x", url));
        awaitListed(url);
        assertEquals(204, api.send("DELETE", "/api/v1/me/yp-tokens/" + user.tokenId(), user.bearer(), null).status());
        assertEquals(null, listed(url));
        YpReplyHead touch = yp(user, IcecastWire.touch(added.sid(), "x", 1));
        assertFalse(touch.ok());
        assertTrue(touch.message().contains("revoked"), touch.message());
        YpReplyHead add = yp(user, IcecastWire.add("Soon Revoked", "x", url));
        assertFalse(add.ok());
        assertTrue(add.message().contains("revoked"), add.message());
    }

    @Test
    void icecast25AddWithBitsPerSecondAndAudioInfoIsUnderstood() throws Exception {
        OndesApi.User user = api.newUser();
        String url = mount.url("/jazz25.ogg");
        String body = "action=add&admin=ops%40example%2eorg&sn=Ogg%20Test%2025&genre=Jazz&cpswd=&desc=Late%20night%20jazz"
                + "&url=https%3a%2f%2fexample%2enet%2f&listenurl=" + IcecastWire.esc(url) + "&type=audio%2fogg&stype=Vorbis"
                + "&language=en&sourceinstance=0f8fad5b%2dd9cb%2d469f%2da165%2d70867728950e&b=128000&samplerate=44100"
                + "&channels=2&audioinfo=samplerate%3d44100%3bchannels%3d2%3bquality%3d4";
        assertTrue(yp(user, IcecastWire.raw(body)).ok());
        awaitListed(url);
        Map<String, Object> item = listed(url);
        assertEquals(128, item.get("bitrate"));
        assertEquals(44100, item.get("samplerate"));
        assertEquals(2, item.get("channels"));
        assertEquals(List.of("jazz"), item.get("genres"));
    }

    @Test
    void getWithAQueryStringIsAcceptedForThirdPartyClients() {
        OndesApi.User user = api.newUser();
        String query = "action=add&sn=Query+Radio&genre=Rock&type=audio%2Fmpeg&b=128&listenurl=" + IcecastWire.esc(mount.url("/q.mp3"));
        OndesApi.Response r = api.get("/api/icecast/yp/" + user.ypToken() + "?" + query, null);
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("Successfully added."), r.body());
    }

    @Test
    void oversizedBodiesGetAYpReplyNotAnError() {
        OndesApi.User user = api.newUser();
        byte[] huge = IcecastWire.raw("action=add&sn=" + "x".repeat(70_000));
        YpReplyHead r = yp(user, huge);
        assertFalse(r.ok());
        assertTrue(r.message().contains("64 KiB"), r.message());
    }

    @Test
    void ownerSeesWhyAStreamIsNotListed() throws Exception {
        OndesApi.User user = api.newUser();
        String dead = "http://127.0.0.1:1/nothing-here.mp3";
        YpReplyHead added = yp(user, IcecastWire.add("Dead Air", "x", dead));
        assertTrue(added.ok());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> s = session(user, dead);
        while (Instant.now().isBefore(deadline) && !"unreachable".equals(s.get("state"))) {
            Thread.sleep(500);
            s = session(user, dead);
        }
        assertEquals("unreachable", s.get("state"), String.valueOf(s));
        assertTrue(String.valueOf(s.get("stateReason")).contains("refused"), String.valueOf(s));
        assertEquals(null, listed(dead));
        YpReplyHead touch = yp(user, IcecastWire.touch(added.sid(), "x", 0));
        assertTrue(touch.ok(), "an unreachable stream keeps its SID so fixing the firewall lists it without a re-add");
        assertTrue(touch.message().startsWith("Updated server info. Not listed: "), touch.message());
        assertEquals(touch.message(), session(user, dead).get("lastYpMessage"), "the owner sees the last YPMessage sent");
    }
}
