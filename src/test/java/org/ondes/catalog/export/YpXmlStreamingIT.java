package org.ondes.catalog.export;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * yp.xml with tens of thousands of rows: it is sent as it is written (chunked, no Content-Length) and gzip-compressed
 * by the server's HTTP layer when asked, a client that
 * goes away or stops reading does not keep a database transaction open, and the number of exports at once is
 * capped (503 with Retry-After), so slow clients cannot take every pooled connection.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YpXmlStreamingIT implements TestPropertyProvider {
    static final int ROWS = 40_000;

    @Inject
    EmbeddedServer server;
    final TestDb.Schema db = TestDb.newSchema();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Map<String, String> getProperties() {
        return db.properties();
    }

    @BeforeAll
    void seed() throws Exception {
        OndesApi.User user = new OndesApi(server.getPort()).newUser();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO streams_stations (owner_id, name_key, name, genres) SELECT t.account_id, 'station ' || g,"
                    + " 'Station ' || g, ARRAY['rock', 'indie'] FROM yp_tokens t, generate_series(1, " + ROWS + ") g WHERE t.id = "
                    + user.tokenId());
            st.execute("INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, bitrate, name, state,"
                    + " current_song) SELECT 'S-' || st.id, st.id, " + user.tokenId() + ", 'http://radio' || st.name_key || '.example.net:8000/live',"
                    + " 'audio/mpeg', 128, st.name, 'listed', 'Artist - Title' FROM streams_stations st");
            st.execute("ANALYZE");
        }
    }

    @Test
    void theWholeListIsStreamedAndWellFormed() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "sent while written, so the length is not known up front");
        assertEquals(ROWS, XmlDocs.ypEntries(r.body()).size());
    }

    @Test
    void nettyCompressesTheStreamedBodyWhenTheClientAcceptsGzip() throws Exception {
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(uri()).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(HttpRequest.newBuilder(uri()).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse("<none>"));
        assertEquals("Accept-Encoding", gzip.headers().firstValue("Vary").orElse("<none>"));
        byte[] inflated;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            inflated = in.readAllBytes();
        }
        assertArrayEquals(plain.body(), inflated, "same document once decompressed");
        assertTrue(gzip.body().length * 5 < plain.body().length,
                "compressed " + plain.body().length + " to " + gzip.body().length + " bytes");
    }

    @Test
    void aClientThatGoesAwayEndsTheDatabaseReadAtOnce() throws Exception {
        try (Socket s = open()) {
            InputStream in = s.getInputStream();
            assertEquals(64 * 1024, in.readNBytes(64 * 1024).length);
        }
        Await.until(Duration.ofSeconds(10), this::exportBackends, n -> n == 0,
                () -> "backends still reading for yp.xml after the client left");
        assertEquals(200, statusOf());
    }

    @Test
    void exportsAtOnceAreCappedAndSlotsComeBackWhenStalledClientsLeave() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < YpXmlController.MAX_CONCURRENT; i++) {
                stalled.add(open());
            }
            Await.until(Duration.ofSeconds(10), this::exportBackends, n -> n == YpXmlController.MAX_CONCURRENT,
                    () -> "expected " + YpXmlController.MAX_CONCURRENT + " exports held open by clients that do not read");
            HttpResponse<String> busy = http.send(HttpRequest.newBuilder(uri()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, busy.statusCode());
            assertEquals("application/problem+json", busy.headers().firstValue("Content-Type").orElse(""));
            assertEquals(YpXmlController.RETRY_AFTER_SECONDS, busy.headers().firstValue("Retry-After").orElse(""));
            assertEquals(503, OndesApi.json(busy.body()).get("status"));
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
        Await.until(Duration.ofSeconds(10), this::exportBackends, n -> n == 0,
                () -> "exports of clients that left still hold database connections");
        Await.until(Duration.ofSeconds(10), this::statusOf, status -> status == 200, () -> "slots were not given back");
    }

    /** Backends of this schema's database that are inside the yp.xml read (running it or idle in its transaction). */
    private int exportBackends() {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND query LIKE '%FROM streams_sessions s JOIN streams_stations st%'
                  AND query NOT LIKE '%LIMIT%' AND state IN ('active', 'idle in transaction')""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET of /yp.xml from a client with a tiny receive window that reads nothing after sending the request. */
    private Socket open() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", server.getPort()), 5000);
        s.setSoTimeout(20_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /yp.xml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** The status code of a GET /yp.xml; the connection is closed right after the status line. */
    private int statusOf() {
        try (Socket s = open()) {
            byte[] line = s.getInputStream().readNBytes(12);
            return Integer.parseInt(new String(line, StandardCharsets.US_ASCII).substring(9, 12));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/yp.xml");
    }
}
