package org.ondes.catalog.live;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.SseClient;
import org.ondes.testkit.TestDb;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's connections over real HTTP: each is written from its own event loop (paced, so YP responses on the same
 * loops are not queued behind a whole fan-out), and beyond the client cap a client gets a problem, not a stream.
 */
class EventsControllerIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void clientsAreSentToFromTheirEventLoopsAndOneBeyondTheCapIsRefusedWithA503() throws Exception {
        try (FakeIcecastMount mount = new FakeIcecastMount();
             OndesInstance ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(),
                     Map.of("ondes.events.max-clients", "2"));
             SseClient first = SseClient.open(ondes.baseUrl(), "/api/v1/events");
             SseClient second = SseClient.open(ondes.baseUrl(), "/api/v1/events")) {
            EventHub hub = ondes.context().getBean(EventHub.class);
            assertEquals(200, first.status());
            assertEquals(200, second.status());
            Await.until(WAIT, hub::clientCount, n -> n == 2, () -> "clients: " + hub.clientCount());
            assertEquals(2, hub.pacedClientCount(), "every client is written from its connection's event loop");

            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            ListedStream s = ListedStream.announce(api, user, mount, "Paced FM", "/paced.ogg");
            first.await(WAIT, "live", s.sessionId());
            second.await(WAIT, "live", s.sessionId());

            try (SseClient third = SseClient.open(ondes.baseUrl(), "/api/v1/events")) {
                assertEquals(503, third.status());
                assertTrue(third.header("Content-Type").startsWith("application/problem+json"), third.header("Content-Type"));
                assertEquals("2", third.header("Retry-After"));
            }
            assertTrue(s.touch(api, user, "Still here", 1).ok());
            first.await(WAIT, "nowPlaying", "Still here");
        }
    }
}
