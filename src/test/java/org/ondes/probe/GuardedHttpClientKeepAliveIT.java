package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive in the guarded client (what federation deliveries use): requests to one origin share a connection while
 * the server keeps it open; anything that makes a connection unsafe to reuse closes it; a connection the server
 * closed while idle costs the request nothing.
 */
class GuardedHttpClientKeepAliveIT extends LoopbackServers {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final byte[] ACTIVITY = "{\"type\":\"Create\"}".getBytes(StandardCharsets.UTF_8);

    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final List<String> connectionHeaders = new CopyOnWriteArrayList<>();
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private HttpServer inbox;

    /** A JDK HTTP server (it keeps connections open, as most servers do) that records who sent what. */
    private URI inbox(int answerBytes) throws IOException {
        inbox = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        inbox.createContext("/", x -> {
            clientPorts.add(x.getRemoteAddress().getPort());
            connectionHeaders.add(String.valueOf(x.getRequestHeaders().getFirst("Connection")));
            received.add(x.getRequestBody().readAllBytes());
            byte[] answer = new byte[answerBytes];
            x.sendResponseHeaders(202, answerBytes == 0 ? -1 : answerBytes);
            x.getResponseBody().write(answer);
            x.close();
        });
        inbox.start();
        return URI.create("http://127.0.0.1:" + inbox.getAddress().getPort() + "/inbox");
    }

    @AfterEach
    void stopInbox() {
        if (inbox != null) {
            inbox.stop(0);
        }
    }

    private static GuardedHttpClient keepingAlive(Duration keep) {
        return new GuardedHttpClient(new AddressPolicy(true), SECOND, SECOND, "Ondes-test/1", keep);
    }

    private static Request post(URI uri, int maxAnswer) {
        return new Request("POST", uri, Map.of("Content-Type", "application/activity+json"), ACTIVITY, maxAnswer, 0,
                false);
    }

    @Test
    void deliveriesToOneServerShareOneConnection() throws Exception {
        URI uri = inbox(0);
        GuardedHttpClient client = keepingAlive(Duration.ofSeconds(15));
        for (int i = 0; i < 3; i++) {
            assertEquals(202, client.send(post(uri, 4096)).status());
        }
        assertEquals(3, received.size());
        received.forEach(body -> assertArrayEquals(ACTIVITY, body));
        assertEquals(1, clientPorts.stream().distinct().count(), "one connection for all three: " + clientPorts);
        assertEquals(List.of("keep-alive", "keep-alive", "keep-alive"), connectionHeaders);
        assertEquals(1, client.idleConnections());
        client.closeIdleConnections();
        assertEquals(0, client.idleConnections());
    }

    @Test
    void aClientWithoutKeepAliveStillOpensAConnectionPerRequest() throws Exception {
        URI uri = inbox(0);
        GuardedHttpClient client = new GuardedHttpClient(new AddressPolicy(true), SECOND, SECOND, "Ondes-test/1");
        client.send(post(uri, 4096));
        client.send(post(uri, 4096));
        assertEquals(2, clientPorts.stream().distinct().count());
        assertEquals(List.of("close", "close"), connectionHeaders);
        assertEquals(0, client.idleConnections());
    }

    @Test
    void anAnswerCutAtTheLimitClosesItsConnection() throws Exception {
        URI uri = inbox(10_000);
        GuardedHttpClient client = keepingAlive(Duration.ofSeconds(15));
        Response first = client.send(post(uri, 100));
        assertTrue(first.truncated());
        assertEquals(0, client.idleConnections(), "the rest of the answer is still on that connection");
        client.send(post(uri, 100));
        assertEquals(2, clientPorts.stream().distinct().count());
    }

    @Test
    void connectionsIdleLongerThanTheKeepAliveTimeAreNotReused() throws Exception {
        URI uri = inbox(0);
        GuardedHttpClient client = keepingAlive(Duration.ofMillis(200));
        client.send(post(uri, 4096));
        Thread.sleep(600);
        client.send(post(uri, 4096));
        assertEquals(2, clientPorts.stream().distinct().count());
        assertEquals(1, client.idleConnections(), "the expired one is closed, the new one kept");
    }

    @Test
    void aServerSayingConnectionCloseGetsANewConnectionEachTime() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        GuardedHttpClient client = keepingAlive(Duration.ofSeconds(15));
        for (int i = 0; i < 3; i++) {
            assertEquals(202, client.send(post(server.url("/inbox"), 4096)).status());
            assertEquals(0, client.idleConnections());
        }
        assertEquals(3, server.connections());
    }

    @Test
    void aConnectionTheServerClosedWhileIdleCostsTheNextRequestNothing() throws Exception {
        // answers as if it kept the connection, then closes it (what a server does when its idle timeout passes)
        RawServer server = server(x -> x.send("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
        GuardedHttpClient client = keepingAlive(Duration.ofSeconds(15));
        assertEquals(202, client.send(post(server.url("/inbox"), 4096)).status());
        assertEquals(1, client.idleConnections());
        Thread.sleep(100); // the server's close arrives
        assertEquals(202, client.send(post(server.url("/inbox"), 4096)).status());
        assertEquals(2, server.connections());
        assertEquals(2, server.requests().size(), "each request arrived exactly once");
        server.bodies().forEach(body -> assertArrayEquals(ACTIVITY, body));
    }

    @Test
    void aTimeoutOnAKeptConnectionIsReportedNotRetried() throws Exception {
        URI uri = inbox(0);
        GuardedHttpClient client = keepingAlive(Duration.ofSeconds(15));
        client.send(post(uri, 4096));
        inbox.removeContext("/");
        inbox.createContext("/", x -> {
            received.add(x.getRequestBody().readAllBytes());
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        ProbeException e = org.junit.jupiter.api.Assertions.assertThrows(ProbeException.class,
                () -> client.send(post(uri, 4096)));
        assertEquals(ProbeException.Kind.TIMEOUT, e.kind());
        assertEquals(2, received.size(), "a slow answer is not a reason to send the activity twice");
    }

    @Test
    void connectionsAreKeptPerHostNameNotPerAddress() throws Exception {
        URI uri = inbox(0);
        int port = uri.getPort();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        GuardedHttpClient client = new GuardedHttpClient(new AddressPolicy(true), SECOND, SECOND, "Ondes-test/1",
                host -> new InetAddress[] {InetAddress.getByAddress(host, loopback.getAddress())},
                (SSLSocketFactory) SSLSocketFactory.getDefault(), Connector.PLAIN, Duration.ofSeconds(15));
        client.send(post(URI.create("http://a.example:" + port + "/inbox"), 4096));
        client.send(post(URI.create("http://b.example:" + port + "/inbox"), 4096));
        client.send(post(URI.create("http://A.example:" + port + "/inbox"), 4096));
        assertEquals(3, clientPorts.size());
        assertEquals(clientPorts.get(0), clientPorts.get(2), "a.example again: its own connection");
        assertTrue(!clientPorts.get(0).equals(clientPorts.get(1)), "b.example shares the address, not the connection");
        assertEquals(2, client.idleConnections());
    }
}
