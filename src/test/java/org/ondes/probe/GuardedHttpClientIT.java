package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardedHttpClientIT extends LoopbackServers {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private final GuardedHttpClient lenient = new GuardedHttpClient(new AddressPolicy(true), SECOND, SECOND, "Ondes-test/1");

    private static Request streaming(URI uri, int max) {
        return new Request("GET", uri, Map.of(), null, max, 0, true);
    }

    @Test
    void icecastStyleHttp10StreamIsReadUpToTheLimitWithoutWaitingForTheEnd() throws Exception {
        RawServer server = server(x -> {
            x.send("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\nicy-name: Test FM\r\n\r\n");
            x.sendEndlessly();
        });
        long start = System.nanoTime();
        Response response = lenient.send(streaming(server.url("/live"), 16 * 1024));
        assertTrue(System.nanoTime() - start < 900_000_000L, "must not wait for a read timeout or the end");
        assertEquals(200, response.status());
        assertEquals("HTTP/1.0", response.protocol());
        assertEquals("HTTP/1.0 200 OK", response.statusLine());
        assertEquals("audio/mpeg", response.header("CONTENT-TYPE").orElseThrow());
        assertEquals("Test FM", response.header("Icy-Name").orElseThrow());
        assertEquals(16 * 1024, response.body().length);
        assertTrue(response.truncated());
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port()), response.connectedTo());
    }

    @Test
    void icyStatusLineIsAccepted() throws Exception {
        RawServer server = server(x -> {
            x.send("ICY 200 OK\r\ncontent-type:audio/aacp\r\nicy-br:64\r\n\r\n");
            x.sendEndlessly();
        });
        Response response = lenient.send(streaming(server.url("/"), 1000));
        assertEquals("ICY", response.protocol());
        assertEquals(200, response.status());
        assertEquals("audio/aacp", response.header("Content-Type").orElseThrow());
        assertEquals(1000, response.body().length);
    }

    @Test
    void streamThatSendsNothingEndsAfterOneReadTimeoutWithAnEmptyBody() throws Exception {
        RawServer server = server(x -> {
            x.send("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\n\r\n");
            x.holdOpen();
        });
        long start = System.nanoTime();
        Response response = lenient.send(streaming(server.url("/"), 1000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, response.body().length);
        assertTrue(millis >= 900 && millis < 3000, "took " + millis + " ms");
    }

    @Test
    void requestIsWrittenByHandWithHostAgentAndCallerHeaders() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.1 204 No Content\r\n\r\n"));
        Request request = new Request("POST", server.url("/inbox?x=1"), Map.of("Content-Type", "application/json"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), 1000, 0, false);
        Response response = lenient.send(request);
        assertEquals(204, response.status());
        String head = server.requests().get(0);
        assertTrue(head.startsWith("POST /inbox?x=1 HTTP/1.1\r\n"), head);
        assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), head);
        assertTrue(head.contains("\r\nUser-Agent: Ondes-test/1\r\n"), head);
        assertTrue(head.contains("\r\nConnection: close\r\n"), head);
        assertTrue(head.contains("\r\nAccept-Encoding: identity\r\n"), head);
        assertTrue(head.contains("\r\nContent-Type: application/json\r\n"), head);
        assertTrue(head.contains("\r\nContent-Length: 7\r\n"), head);
        assertEquals("{\"a\":1}", new String(server.bodies().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void chunkedJsonBodyIsDecoded() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.1 200 OK\r\nContent-Type: application/activity+json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + "7;ext=1\r\n{\"type\"\r\n" + "d\r\n:\"Person\",\"x\"\r\n"
                + "4\r\n:[]}\r\n" + "0\r\nX-Trailer: ok\r\n\r\n"));
        Response response = lenient.send(Request.get(server.url("/actor")));
        assertEquals("{\"type\":\"Person\",\"x\":[]}", response.bodyText());
        assertFalse(response.truncated());
    }

    @Test
    void chunkedBodyLargerThanTheLimitIsCapped() throws Exception {
        String chunk = "a".repeat(0x400);
        RawServer server = server(x -> x.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + ("400\r\n" + chunk + "\r\n").repeat(5) + "0\r\n\r\n"));
        Response response = lenient.send(new Request("GET", server.url("/"), Map.of(), null, 1500, 0, false));
        assertEquals(1500, response.body().length);
        assertTrue(response.truncated());
    }

    @Test
    void contentLengthBodyLargerThanTheLimitIsCapped() throws Exception {
        RawServer server = server(x -> {
            x.send("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
            x.socket().getOutputStream().write(new byte[100_000]);
        });
        Response response = lenient.send(new Request("GET", server.url("/"), Map.of(), null, 1000, 0, false));
        assertEquals(1000, response.body().length);
        assertTrue(response.truncated());
    }

    @Test
    void bodyUntilCloseWithinTheLimitIsReadWhole() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\n\r\nhello"));
        Response response = lenient.send(Request.get(server.url("/")));
        assertEquals("hello", response.bodyText());
        assertFalse(response.truncated());
    }

    @Test
    void redirectChain302Then307Then200IsFollowed() throws Exception {
        RawServer server = server(x -> {
            switch (x.path()) {
                case "/a" -> x.send("HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n");
                case "/b" -> x.send("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:"
                        + x.server().port() + "/c?q=1\r\n\r\n");
                default -> x.send("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone");
            }
        });
        Response response = lenient.send(new Request("GET", server.url("/a"), Map.of(), null, 100, 3, false));
        assertEquals(200, response.status());
        assertEquals("done", response.bodyText());
        assertEquals(server.url("/c?q=1"), response.finalUri());
        assertEquals(3, server.requests().size());
    }

    @Test
    void redirectsBeyondTheLimitFail() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.1 302 Found\r\nLocation: /again\r\n\r\n"));
        ProbeException e = assertThrows(ProbeException.class,
                () -> lenient.send(new Request("GET", server.url("/"), Map.of(), null, 100, 2, false)));
        assertEquals(ProbeException.Kind.REDIRECTS, e.kind());
        assertEquals("too many redirects (more than 2)", e.reason());
        assertEquals(3, server.connections());
    }

    @Test
    void seeOtherAfterPostBecomesGetWithoutBodyButTemporaryRedirectKeepsIt() throws Exception {
        RawServer server = server(x -> {
            switch (x.path()) {
                case "/303" -> x.send("HTTP/1.1 303 See Other\r\nLocation: /done\r\n\r\n");
                case "/307" -> x.send("HTTP/1.1 307 Temporary Redirect\r\nLocation: /done\r\n\r\n");
                default -> x.send("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            }
        });
        byte[] body = "x=1".getBytes(StandardCharsets.UTF_8);
        lenient.send(new Request("POST", server.url("/303"), Map.of("Content-Type", "text/plain"), body, 100, 1, false));
        assertTrue(server.requests().get(1).startsWith("GET /done "), server.requests().get(1));
        assertFalse(server.requests().get(1).contains("Content-"), server.requests().get(1));
        lenient.send(new Request("POST", server.url("/307"), Map.of(), body, 100, 1, false));
        assertTrue(server.requests().get(3).startsWith("POST /done "), server.requests().get(3));
        assertArrayEquals(body, server.bodies().get(3));
    }

    @Test
    void headerSectionOver32KibIsRefused() throws Exception {
        RawServer server = server(x -> {
            x.send("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 400; i++) {
                x.send("X-Filler-" + i + ": " + "f".repeat(100) + "\r\n");
            }
            x.send("\r\n");
        });
        ProbeException e = assertThrows(ProbeException.class, () -> lenient.send(Request.get(server.url("/"))));
        assertEquals(ProbeException.Kind.PROTOCOL, e.kind());
        assertEquals("the server's response headers exceed 32 KiB", e.reason());
    }

    @Test
    void silentServerGivesNoAnswerWithinTheReadTimeout() throws Exception {
        RawServer server = server(RawServer.Exchange::holdOpen);
        ProbeException e = assertThrows(ProbeException.class, () -> lenient.send(Request.get(server.url("/"))));
        assertEquals(ProbeException.Kind.TIMEOUT, e.kind());
        assertEquals("no answer within 1 s", e.reason());
    }

    @Test
    void tricklingServerIsCutOffByTheExchangeDeadline() throws Exception {
        RawServer server = server(x -> {
            x.send("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 100; i++) {
                x.send("X");
                Thread.sleep(50);
            }
        });
        Duration fast = Duration.ofMillis(200);
        GuardedHttpClient client = new GuardedHttpClient(new AddressPolicy(true), fast, fast, "Ondes-test/1");
        long start = System.nanoTime();
        ProbeException e = assertThrows(ProbeException.class, () -> client.send(Request.get(server.url("/"))));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ProbeException.Kind.TIMEOUT, e.kind());
        assertTrue(e.reason().contains("took too long"), e.reason());
        assertTrue(millis < 2000, "took " + millis + " ms");
    }

    @Test
    void nonHttpAnswerIsRefused() throws Exception {
        RawServer server = server(x -> x.send("SSH-2.0-OpenSSH_9.2\r\n"));
        ProbeException e = assertThrows(ProbeException.class, () -> lenient.send(Request.get(server.url("/"))));
        assertEquals("the server did not answer with HTTP (it said: SSH-2.0-OpenSSH_9.2)", e.reason());
    }

    @Test
    void urlsWithOtherSchemesOrUserInfoAreRefused() {
        ProbeException ftp = assertThrows(ProbeException.class,
                () -> lenient.send(Request.get(URI.create("ftp://127.0.0.1/x"))));
        assertEquals("URL must use http or https", ftp.reason());
        ProbeException userInfo = assertThrows(ProbeException.class,
                () -> lenient.send(Request.get(URI.create("http://user:pw@127.0.0.1/x"))));
        assertEquals(ProbeException.Kind.INVALID_URL, userInfo.kind());
    }

    @Test
    void httpsToAPlainHttpServerFailsTheTlsHandshake() throws Exception {
        RawServer server = new RawServer(new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1")), false,
                x -> x.send("HTTP/1.0 400 Bad Request\r\n\r\n"));
        track(server);
        ProbeException e = assertThrows(ProbeException.class,
                () -> lenient.send(Request.get(URI.create("https://127.0.0.1:" + server.port() + "/"))));
        assertEquals(ProbeException.Kind.TLS, e.kind());
        assertTrue(e.reason().startsWith("TLS handshake failed: "), e.reason());
    }

}
