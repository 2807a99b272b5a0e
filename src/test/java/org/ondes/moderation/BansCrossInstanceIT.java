package org.ondes.moderation;

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
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one database: a rule made on one is enforced by the other within a few seconds (each keeps the
 * rules in memory and notices the change), and the live streams it matches end whichever instance they came through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BansCrossInstanceIT {
    OndesInstance a;
    OndesInstance b;
    OndesApi apiA;
    OndesApi apiB;
    FakeIcecastMount mount;
    OndesApi.User admin;

    @BeforeAll
    void start() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        a = OndesInstance.start(db, FreePorts.next(), Map.of());
        b = OndesInstance.start(db, FreePorts.next(), Map.of());
        apiA = a.api();
        apiB = b.api();
        mount = new FakeIcecastMount();
        admin = apiA.newUser();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
        b.close();
        a.close();
    }

    @Test
    void aRuleMadeOnOneInstanceIsEnforcedByTheOther() {
        OndesApi.User streamer = apiB.newUser();
        String word = "Crossbanned" + UUID.randomUUID().toString().substring(0, 6);
        ListedStream live = ListedStream.announce(apiB, streamer, mount, word + " Live", "/" + UUID.randomUUID() + ".ogg");
        assertTrue(YpReplyHead.parse(apiB.ypRaw(streamer.ypToken(), IcecastWire.add(word + " Before", "x",
                mount.url("/" + UUID.randomUUID() + ".ogg")))).ok(), "B knows no rule yet");

        OndesApi.Response rule = apiA.send("POST", "/api/v1/moderation/bans", admin.bearer(),
                "{\"kind\":\"name\",\"value\":\"" + word + " *\",\"reason\":\"Shared spam\"}");
        assertEquals(201, rule.status(), rule.body());
        assertTrue(((Number) rule.json().get("endedSessions")).intValue() >= 1, rule.body());
        Await.until(Duration.ofSeconds(10), () -> apiB.listedStream(live.listenUrl()), m -> m == null,
                () -> "B still lists the banned stream");

        YpReplyHead refused = Await.until(Duration.ofSeconds(5), () -> YpReplyHead.parse(apiB.ypRaw(streamer.ypToken(),
                        IcecastWire.add(word + " After", "x", mount.url("/" + UUID.randomUUID() + ".ogg")))),
                r -> !r.ok(), () -> "B kept accepting adds the rule matches");
        assertEquals("Refused by this directory's moderators: Shared spam", refused.message());
    }
}
