package org.ondes.probe;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listen-URL checks against one host are capped; the one over the cap is deferred, other hosts are not held up. */
class HostPermitsIT extends LoopbackServers {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aCheckOverTheHostsCapIsDeferredWithoutConnectingWhileAnotherHostIsChecked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RawServer server = server(x -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.send("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\n\r\n");
            x.sendEndlessly();
        });
        ListenUrlProbe probe = new ListenUrlProbe(new GuardedHttpClient(new AddressPolicy(true), SECOND,
                Duration.ofSeconds(5), "Ondes-test/1"), new HostPermits(1, Duration.ZERO));
        CompletableFuture<ProbeResult> first = CompletableFuture.supplyAsync(() -> probe.check(server.url("/a.mp3")));
        waitFor(() -> server.connections() == 1);

        ProbeResult second = probe.check(server.url("/b.mp3"));
        ProbeResult.Deferred deferred = assertInstanceOf(ProbeResult.Deferred.class, second);
        assertTrue(deferred.reason().contains("127.0.0.1"), deferred.reason());
        assertEquals(1, server.connections(), "the deferred check never connected");

        URI otherHost = URI.create("http://localhost:" + server.port() + "/c.mp3");
        CompletableFuture<ProbeResult> third = CompletableFuture.supplyAsync(() -> probe.check(otherHost));
        waitFor(() -> server.connections() == 2);
        release.countDown();
        assertInstanceOf(ProbeResult.Reachable.class, first.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ProbeResult.Reachable.class, third.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ProbeResult.Reachable.class, probe.check(server.url("/b.mp3")), "the permit came back");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }
}
