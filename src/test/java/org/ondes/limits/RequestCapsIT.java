package org.ondes.limits;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oversized bodies get an answer in their client's protocol: Icecast a YP reply (it ignores the status and would log
 * a bare 413 as "no response"), JSON clients 413 problem+json, browsers an HTML page. Also: idle connections close.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCapsIT {
    private static final String TOKEN = "Zz0123456789abcdefghijklmnopqrstuvwxyzABCDE";
    private static final int MIB = 1024 * 1024;
    OndesInstance ondes;

    @BeforeAll
    void start() {
        ondes = OndesInstance.start(TestDb.newSchema(), FreePorts.next(), Map.of("ONDES_HTTP_IDLE_TIMEOUT_SECONDS", "2"));
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    /** Sends a request head and body over a new socket and returns everything the server answers until it closes. */
    private String exchange(String head, byte[] body, boolean chunked) throws IOException {
        try (Socket s = new Socket("127.0.0.1", ondes.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (chunked) {
                    for (int off = 0; off < body.length; off += 65536) {
                        int n = Math.min(65536, body.length - off);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, off, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the whole body is sent; the answer is what counts
            }
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String head(String path, String type, long length, String extra) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n"
                + (length >= 0 ? "Content-Length: " + length + "\r\n" : "Transfer-Encoding: chunked\r\n")
                + extra + "Connection: close\r\n\r\n";
    }

    private static byte[] ypBody(int size) {
        byte[] b = ("action=add&sn=" + "a".repeat(size)).getBytes(StandardCharsets.US_ASCII);
        return b;
    }

    private static void assertYpTooLarge(String response) {
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        YpReplyHead reply = YpReplyHead.parse(response.substring(0, response.indexOf("\r\n\r\n") + 2));
        assertTrue(reply.raw().contains("\r\nYPResponse: 0\r\n"), reply.raw());
        assertEquals("Request too large: YP requests are limited to 64 KiB.", reply.message());
        assertEquals("-1", reply.sid());
    }

    @Test
    void anOversizedYpRequestGetsAYpReplyWhateverItsSize() throws IOException {
        String path = "/api/icecast/yp/" + TOKEN;
        for (int size : new int[]{100 * 1024, 2 * MIB}) {
            byte[] body = ypBody(size);
            assertYpTooLarge(exchange(head(path, "application/x-www-form-urlencoded", body.length, ""), body, false));
            assertYpTooLarge(exchange(head(path, "application/x-www-form-urlencoded", -1, ""), body, true));
        }
        byte[] big = ypBody(2 * MIB);
        String expecting = exchange(head(path, "application/x-www-form-urlencoded", big.length,
                "Expect: 100-continue\r\n"), big, false);
        assertFalse(expecting.startsWith("HTTP/1.1 100"), "refused before asking for the body: " + expecting);
        assertYpTooLarge(expecting);
    }

    @Test
    void theConnectionStaysUsableAfterARefusedYpRequest() throws IOException {
        byte[] body = ypBody(100 * 1024);
        String first = "POST /api/icecast/yp/" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        String second = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", ondes.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(first.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(second.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(all.contains("YPMessage: Request too large"), all);
            assertTrue(all.contains("\"status\":\"UP\""), "Icecast's keep-alive connection goes on: " + all);
        }
    }

    @Test
    void anOversizedJsonBodyGets413ProblemJson() throws IOException {
        byte[] json = ("{\"username\":\"" + "x".repeat(2 * MIB) + "\"}").getBytes(StandardCharsets.US_ASCII);
        for (boolean chunked : new boolean[]{false, true}) {
            String r = exchange(head("/api/v1/accounts", "application/json", chunked ? -1 : json.length, ""), json, chunked);
            assertTrue(r.startsWith("HTTP/1.1 413 "), r);
            assertTrue(r.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), r);
            Map<String, Object> problem = OndesApi.json(r.substring(r.indexOf("\r\n\r\n") + 4));
            assertEquals(413, problem.get("status"));
            assertEquals("the request body is larger than 1 MiB, the most this endpoint accepts", problem.get("detail"));
        }
        OndesApi.Response small = ondes.api().send("POST", "/api/v1/accounts", null,
                "{\"username\":\"capped_ok\",\"password\":\"" + "p".repeat(900) + "\"}");
        assertEquals(201, small.status(), "a body under the cap is read as usual: " + small.body());
    }

    @Test
    void anOversizedPageFormGetsAnHtmlPage() {
        CookieClient browser = new CookieClient(ondes.baseUrl());
        String csrf = browser.csrf();
        CookieClient.Page big = browser.postForm("/signin", CookieClient.form("_csrf", csrf, "username", "u",
                "password", "p".repeat(70 * 1024)));
        assertEquals(413, big.status(), big.toString());
        assertTrue(big.header("Content-Type").startsWith("text/html"), big.header("Content-Type"));
        assertEquals("Form too large", Jsoup.parse(big.body()).select("h1").text());
        CookieClient.Page normal = browser.postForm("/signin", CookieClient.form("_csrf", csrf, "username", "nobody_here",
                "password", "p".repeat(900)));
        assertEquals("/signin?error=credentials", normal.location(), "a normal form is read as usual");
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (Socket s = new Socket("127.0.0.1", ondes.port())) {
            s.setSoTimeout(500);
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            Await.until(Duration.ofSeconds(15), () -> {
                try {
                    return in.read();
                } catch (SocketTimeoutException stillOpen) {
                    return 0;
                } catch (IOException e) {
                    return -1;
                }
            }, r -> r == -1, () -> "the connection stayed open");
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertTrue(seconds >= 1, "closed after " + seconds + " s, ONDES_HTTP_IDLE_TIMEOUT_SECONDS is 2");
        }
    }
}
