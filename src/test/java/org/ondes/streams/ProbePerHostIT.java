package org.ondes.streams;

import org.junit.jupiter.api.Test;
import org.ondes.testkit.Await;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listen-URL checks against one host are capped: with a cap of 1 and a server that never answers, the second
 * session's check is put back (the owner sees why) instead of opening a second connection or counting as a failure.
 */
class ProbePerHostIT {

    @Test
    void aSecondCheckOfABusyHostIsPutBackWithAReasonAndNoSecondConnection() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             OndesInstance ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(),
                     Map.of("ondes.probe.per-host", "1", "ondes.probe.read-timeout-ms", "3000"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = silent.accept(); // never answers: the check holds its connection until its timeout
                        held.add(s);
                        mostAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
                        Thread closer = new Thread(() -> {
                            try (s) {
                                while (s.getInputStream().read() >= 0) {
                                    // wait for the checker to hang up
                                }
                            } catch (java.io.IOException ignored) {
                                // closed
                            } finally {
                                open.decrementAndGet();
                            }
                        });
                        closer.setDaemon(true);
                        closer.start();
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            String base = "http://127.0.0.1:" + silent.getLocalPort();
            for (String mount : List.of("/a.mp3", "/b.mp3")) {
                assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Busy Host " + mount, "x", base + mount))).ok());
            }
            Map<String, Object> deferred = Await.until(Duration.ofSeconds(15), () -> {
                for (String mount : List.of("/a.mp3", "/b.mp3")) {
                    Map<String, Object> s = api.ownSession(user.bearer(), base + mount);
                    if (s != null && String.valueOf(s.get("stateReason")).contains("are under way")) {
                        return s;
                    }
                }
                return null;
            }, s -> s != null, () -> "no session was put back for its busy host");
            assertEquals("pending", deferred.get("state"), "put back, not failed");
            assertEquals(1, mostAtOnce.get(), "never two checks of one host at once");
        }
    }
}
