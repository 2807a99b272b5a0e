package org.ondes.federation;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.StubInbox;
import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With federation switched off, a station going live and off air publishes nothing and records nothing. */
class FederationDisabledPublishIT {

    @Test
    void nothingIsPublishedWhenFederationIsOff() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.enabled", "false", "ondes.federation.allow-private-addresses", "true"));
             FakeIcecastMount mount = new FakeIcecastMount();
             StubInbox catalog = StubInbox.answering(202)) {
            Publications.follower(db, "instance", catalog.url("/actor"), catalog.url("/inbox"), true);
            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            ListedStream s = ListedStream.announce(api, user, mount, "Offline Federation FM", "/" + UUID.randomUUID() + ".ogg");
            assertTrue(s.touch(api, user, "Artist - Song", 3).ok());
            assertTrue(s.remove(api, user).ok());
            // the catalog hears the same events, on the same thread, as publishing would
            Await.until(Duration.ofSeconds(15), () -> api.listedStream(s.listenUrl()), e -> e == null, () -> "still listed");
            assertEquals(0, rows(db, "fed_notes") + rows(db, "fed_live_sessions") + rows(db, "fed_deliveries"));
            assertEquals(404, api.send("GET", "/live/" + s.sessionId(), null, null,
                    Map.of("Accept", Publications.AS_ACCEPT)).status());
            assertEquals(0, catalog.count());
        }
    }

    private static long rows(TestDb.Schema db, String table) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
