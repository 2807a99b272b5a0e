package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenUrlProbeIT extends LoopbackServers {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private final ListenUrlProbe probe = new ListenUrlProbe(
            new GuardedHttpClient(new AddressPolicy(true), SECOND, SECOND, "Ondes-test/1"));
    private final ListenUrlProbe strictProbe = new ListenUrlProbe(
            new GuardedHttpClient(new AddressPolicy(false), SECOND, SECOND, "Ondes-test/1"));

    private static String reason(ProbeResult result) {
        return assertInstanceOf(ProbeResult.Unreachable.class, result).reason();
    }

    private static void assertSafeReason(String reason) {
        assertTrue(reason.length() <= 200, reason);
        assertTrue(reason.chars().noneMatch(c -> c < 0x20 || c == 0x7F), reason);
    }

    @Test
    void icecastHttp10AudioStreamIsReachable() throws Exception {
        RawServer server = server(x -> {
            x.send("HTTP/1.0 200 OK\r\nServer: Icecast 2.4.4\r\nContent-Type: audio/mpeg\r\nCache-Control: no-cache\r\n\r\n");
            x.sendEndlessly();
        });
        ProbeResult result = probe.check(server.url("/live.mp3"));
        ProbeResult.Reachable ok = assertInstanceOf(ProbeResult.Reachable.class, result);
        assertEquals("audio/mpeg", ok.contentType());
        assertEquals(200, ok.status());
        assertEquals("127.0.0.1:" + server.port(), ok.connectedTo());
        assertTrue(ok.millis() < 900, "a stream that sends at once needs no read timeout: " + ok.millis());
        String head = server.requests().get(0);
        assertTrue(head.startsWith("GET /live.mp3 HTTP/1.1\r\n"), head);
        assertTrue(head.contains("\r\nIcy-MetaData: 0\r\n") && head.contains("\r\nAccept: */*\r\n"), head);
    }

    @Test
    void icyServerWithAacIsReachable() throws Exception {
        RawServer server = server(x -> {
            x.send("ICY 200 OK\r\nicy-name:Test\r\ncontent-type:audio/aacp\r\n\r\n");
            x.sendEndlessly();
        });
        ProbeResult.Reachable ok = assertInstanceOf(ProbeResult.Reachable.class, probe.check(server.url("/")));
        assertEquals("audio/aacp", ok.contentType());
    }

    @ParameterizedTest(name = "{0} is accepted as a stream")
    @ValueSource(strings = {"audio/ogg", "application/ogg", "application/x-ogg", "video/ogg", "video/webm",
        "audio/webm", "AUDIO/MPEG; charset=binary", "audio/flac"})
    void audioAndOggContainerTypesAreAccepted(String type) throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\nContent-Type: " + type + "\r\n\r\nOggS-data"));
        ProbeResult.Reachable ok = assertInstanceOf(ProbeResult.Reachable.class, probe.check(server.url("/")));
        assertEquals(type.split(";")[0].toLowerCase(), ok.contentType());
    }

    @Test
    void forbiddenExplainsListenerLimitOrAuthentication() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 403 Forbidden\r\nContent-Type: text/html\r\n\r\n"));
        assertEquals("HTTP 403 Forbidden: the server refused the directory's check (max-listeners reached or"
                + " authentication required?)", reason(probe.check(server.url("/live"))));
    }

    @Test
    void unauthorizedIsReportedLikeForbidden() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"));
        assertTrue(reason(probe.check(server.url("/live"))).startsWith("HTTP 401 Unauthorized: the server refused"));
    }

    @Test
    void notFoundPointsAtTheSource() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 404 File Not Found\r\nContent-Type: text/html\r\n\r\nnope"));
        assertEquals("HTTP 404: mount not found — is the source connected?", reason(probe.check(server.url("/gone"))));
    }

    @Test
    void htmlPageIsNotAnAudioStream() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: 15\r\n\r\n<html></html>\r\n"));
        assertEquals("content type text/html is not an audio stream", reason(probe.check(server.url("/"))));
    }

    @Test
    void octetStreamIsNotTakenForAudio() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\nxx"));
        assertEquals("content type application/octet-stream is not an audio stream",
                reason(probe.check(server.url("/"))));
    }

    @Test
    void playlistIsNotAStream() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\nContent-Type: audio/x-mpegurl\r\n\r\nhttp://a/b\n"));
        assertTrue(reason(probe.check(server.url("/live.m3u"))).contains("is a playlist, not a stream"));
    }

    @Test
    void missingContentTypeIsRefused() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\n\r\nbytes"));
        assertTrue(reason(probe.check(server.url("/"))).contains("no content type"));
    }

    @Test
    void audioHeadersWithoutDataTimeOutWithNoAudioData() throws Exception {
        RawServer server = server(x -> {
            x.send("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\n\r\n");
            x.holdOpen();
        });
        long start = System.nanoTime();
        String reason = reason(probe.check(server.url("/live")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("connected, but no audio data arrived within 1 s", reason);
        assertTrue(millis >= 900 && millis < 3000, "took " + millis + " ms");
    }

    @Test
    void redirectChainToTheStreamIsFollowed() throws Exception {
        RawServer server = server(x -> {
            switch (x.path()) {
                case "/listen" -> x.send("HTTP/1.1 302 Found\r\nLocation: /balanced\r\n\r\n");
                case "/balanced" -> x.send("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:"
                        + x.server().port() + "/live.ogg\r\n\r\n");
                default -> {
                    x.send("HTTP/1.0 200 OK\r\nContent-Type: application/ogg\r\n\r\n");
                    x.sendEndlessly();
                }
            }
        });
        ProbeResult.Reachable ok = assertInstanceOf(ProbeResult.Reachable.class, probe.check(server.url("/listen")));
        assertEquals("application/ogg", ok.contentType());
        assertEquals(3, server.connections());
    }

    @Test
    void loopbackListenUrlIsRefusedBeforeConnecting() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\n\r\nxx"));
        String reason = reason(strictProbe.check(server.url("/live")));
        assertEquals("127.0.0.1 is a loopback (127.0.0.0/8) address; listeners on the internet cannot reach it", reason);
        Thread.sleep(50);
        assertEquals(0, server.connections());
    }

    @Test
    void closedPortIsReportedAsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket probePort = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probePort.getLocalPort();
        }
        assertEquals("connection refused by 127.0.0.1:" + port,
                reason(probe.check(URI.create("http://127.0.0.1:" + port + "/live"))));
    }

    @Test
    void otherSchemesAreRefusedWithoutConnecting() {
        assertEquals("listen URL must use http or https", reason(probe.check(URI.create("rtsp://127.0.0.1/live"))));
        assertFalse(probe.check(URI.create("/relative/live")).reachable());
        assertFalse(probe.check(null).reachable());
    }

    @Test
    void hostileStatusTextAndContentTypeAreCleanedBeforeReporting() throws Exception {
        String junk = "\u001b[31m" + "x".repeat(500);
        RawServer forbidden = server(x -> x.send("HTTP/1.0 403 Go\raway" + junk + "\r\n\r\n"));
        RawServer html = server(x -> x.send("HTTP/1.0 200 OK\r\nContent-Type: text/\rhtml" + junk + "\r\n\r\nxx"));
        String first = reason(probe.check(forbidden.url("/")));
        String second = reason(probe.check(html.url("/")));
        assertSafeReason(first);
        assertSafeReason(second);
        assertTrue(first.startsWith("HTTP 403 Go away"), first);
        assertTrue(second.startsWith("content type text/ html"), second);
    }

    @Test
    void serverErrorIsReportedWithItsStatus() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"));
        assertEquals("HTTP 503 Service Unavailable: the server did not send the stream",
                reason(probe.check(server.url("/"))));
    }
}
