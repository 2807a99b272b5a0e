package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.StubInbox;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.federation.Publications.about;
import static org.ondes.federation.Publications.activities;
import static org.ondes.federation.Publications.object;

/**
 * Two instances on one database, both running the refresh job every {@link #REFRESH}: a following catalog gets one
 * refresh Update of a live session per cycle (never one from each instance), and none once it was deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationRefreshIT {
    static final Duration REFRESH = Duration.ofSeconds(3);
    static final Duration WAIT = Duration.ofSeconds(30);
    TestDb.Schema db;
    OndesInstance a;
    OndesInstance b;
    FakeIcecastMount mount;
    StubInbox catalog;

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        int portA = FreePorts.next();
        Map<String, String> settings = Map.of("ondes.public-url", "http://127.0.0.1:" + portA,
                "ondes.federation.allow-private-addresses", "true",
                "ondes.federation.live-refresh", "PT" + REFRESH.toSeconds() + "S");
        a = OndesInstance.start(db, portA, settings);
        b = OndesInstance.start(db, FreePorts.next(), settings);
        mount = new FakeIcecastMount();
        catalog = StubInbox.answering(202);
        Publications.follower(db, "instance", catalog.url("/actor"), catalog.url("/inbox"), true);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {catalog, mount, b, a}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void eachCycleRefreshesALiveSessionOnceAcrossInstancesUntilItEnds() {
        OndesApi api = a.api();
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Refresh FM", "/" + UUID.randomUUID() + ".ogg");
        String id = a.baseUrl() + "/live/" + s.sessionId();
        Await.until(WAIT, () -> about(catalog, "Create", id), l -> !l.isEmpty(), () -> "no Create: " + activities(catalog));

        List<Map<String, Object>> updates = Await.until(WAIT, () -> about(catalog, "Update", id), l -> l.size() >= 3,
                () -> "fewer than 3 refreshes: " + activities(catalog));
        List<Instant> made = updates.stream().map(u -> Instant.parse((String) object(u).get("updated"))).sorted().toList();
        for (int i = 1; i < made.size(); i++) {
            Duration gap = Duration.between(made.get(i - 1), made.get(i));
            assertTrue(gap.compareTo(REFRESH.minusMillis(500)) >= 0,
                    "two refreshes " + gap.toMillis() + " ms apart: both instances ran one cycle? " + made);
        }
        assertEquals(updates.size(), new HashSet<>(updates.stream().map(u -> u.get("id")).toList()).size());
        Map<String, Object> audio = object(updates.get(updates.size() - 1));
        assertEquals("Audio", audio.get("type"));
        assertEquals(REFRESH.toSeconds(), ((Number) audio.get("refreshInterval")).longValue());
        assertEquals(s.listenUrl(), ((Map<?, ?>) ((List<?>) audio.get("url")).get(0)).get("href"));

        assertTrue(s.remove(api, user).ok());
        Await.until(WAIT, () -> about(catalog, "Delete", id), l -> !l.isEmpty(), () -> "no Delete");
        int after = about(catalog, "Update", id).size();
        Instant deleted = Instant.now();
        Await.until(WAIT, Instant::now, now -> now.isAfter(deleted.plus(REFRESH.multipliedBy(2)).plusSeconds(2)), () -> "");
        assertEquals(after, about(catalog, "Update", id).size(), "refreshed after its Delete");
    }
}
