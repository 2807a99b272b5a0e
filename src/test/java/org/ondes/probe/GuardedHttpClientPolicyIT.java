package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** What the client may connect to: policy checks before connecting, on redirects, and the pinned address. */
class GuardedHttpClientPolicyIT extends LoopbackServers {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private final GuardedHttpClient lenient = new GuardedHttpClient(new AddressPolicy(true), SECOND, SECOND, "Ondes-test/1");
    private final GuardedHttpClient strict = new GuardedHttpClient(new AddressPolicy(false), SECOND, SECOND, "Ondes-test/1");

    @Test
    void plainLoopbackUrlIsRefusedBeforeAnyConnection() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\n\r\n"));
        ProbeException e = assertThrows(ProbeException.class, () -> strict.send(Request.get(server.url("/"))));
        assertEquals(ProbeException.Kind.REFUSED, e.kind());
        assertTrue(e.reason().startsWith("127.0.0.1 is a loopback"), e.reason());
        ProbeException byName = assertThrows(ProbeException.class,
                () -> strict.send(Request.get(URI.create("http://localhost:" + server.port() + "/"))));
        assertTrue(byName.reason().startsWith("localhost always means"), byName.reason());
        Thread.sleep(50);
        assertEquals(0, server.connections());
    }

    /** A "public" name whose address the fake dialer routes to the loopback server; nothing leaves the machine. */
    private GuardedHttpClient strictViaFakePublicAddress(RawServer server, AtomicInteger resolutions,
                                                         List<InetAddress> dialed) throws Exception {
        InetAddress fakePublic = InetAddress.getByAddress("radio.ondes.fr", new byte[] {1, 2, 3, 4});
        return new GuardedHttpClient(new AddressPolicy(false), SECOND, SECOND, "Ondes-test/1", host -> {
            resolutions.incrementAndGet();
            // IP literals resolve to themselves without DNS, as with the real resolver.
            return host.equals("radio.ondes.fr") ? new InetAddress[] {fakePublic} : InetAddress.getAllByName(host);
        }, (SSLSocketFactory) SSLSocketFactory.getDefault(), (address, timeout) -> {
            dialed.add(address.getAddress());
            assertSame(fakePublic, address.getAddress(), "only the checked address may be dialled");
            return routedAs(fakePublic, server, timeout);
        });
    }

    /** A socket to the loopback server that reports the remote address the network "routed" it to. */
    private static Socket routedAs(InetAddress reported, RawServer server, int timeout) throws IOException {
        Socket socket = new Socket() {
            @Override
            public InetAddress getInetAddress() {
                return reported;
            }
        };
        socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port()), timeout);
        return socket;
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefusedWithoutConnecting() throws Exception {
        List<InetAddress> dialed = new CopyOnWriteArrayList<>();
        GuardedHttpClient client = new GuardedHttpClient(new AddressPolicy(false), SECOND, SECOND, "Ondes-test/1",
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 1, 20})},
                (SSLSocketFactory) SSLSocketFactory.getDefault(), (address, timeout) -> {
                    dialed.add(address.getAddress());
                    throw new IOException("must not dial");
                });
        ProbeException e = assertThrows(ProbeException.class,
                () -> client.send(Request.get(URI.create("http://nas.ondes.fr/"))));
        assertEquals(ProbeException.Kind.REFUSED, e.kind());
        assertTrue(e.reason().startsWith("nas.ondes.fr resolves to 192.168.1.20"), e.reason());
        assertEquals(List.of(), dialed);
    }

    @Test
    void aConnectionThatLandsOnAnotherAddressThanTheCheckedOneIsDroppedBeforeSending() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\n\r\nsecret"));
        InetAddress fakePublic = InetAddress.getByAddress("radio.ondes.fr", new byte[] {1, 2, 3, 4});
        // The dialer ends up on loopback (as a rebinding proxy or a NAT trick would) and says so truthfully.
        GuardedHttpClient client = new GuardedHttpClient(new AddressPolicy(false), SECOND, SECOND, "Ondes-test/1",
                host -> new InetAddress[] {fakePublic}, (SSLSocketFactory) SSLSocketFactory.getDefault(),
                (address, timeout) -> {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port()), timeout);
                    return socket;
                });
        ProbeException e = assertThrows(ProbeException.class,
                () -> client.send(Request.get(URI.create("http://radio.ondes.fr/"))));
        assertEquals(ProbeException.Kind.REFUSED, e.kind());
        assertEquals("connected address refused: 127.0.0.1 is not an address radio.ondes.fr was checked for", e.reason());
        org.ondes.testkit.Await.until(Duration.ofSeconds(5), server::connections, n -> n == 1, () -> "no connection");
        assertTrue(server.requests().stream().noneMatch(r -> r.startsWith("GET")),
                "nothing is sent on the refused connection: " + server.requests());
    }

    @Test
    void redirectToForbiddenAddressIsRefusedNotFollowed() throws Exception {
        RawServer target = server(x -> x.send("HTTP/1.0 200 OK\r\n\r\nsecret"));
        RawServer server = server(x -> x.send("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + target.port()
                + "/admin\r\n\r\n"));
        AtomicInteger resolutions = new AtomicInteger();
        List<InetAddress> dialed = new CopyOnWriteArrayList<>();
        GuardedHttpClient client = strictViaFakePublicAddress(server, resolutions, dialed);
        ProbeException e = assertThrows(ProbeException.class, () -> client.send(
                new Request("GET", URI.create("http://radio.ondes.fr/live"), Map.of(), null, 100, 3, false)));
        assertEquals(ProbeException.Kind.REFUSED, e.kind());
        assertEquals("redirect to http://127.0.0.1:" + target.port() + "/admin refused: 127.0.0.1 is a loopback"
                + " (127.0.0.0/8) address; listeners on the internet cannot reach it", e.reason());
        assertEquals(1, server.connections());
        assertEquals(0, target.connections());
        assertEquals(1, dialed.size());
    }

    @Test
    void checkedAddressIsConnectedWithoutResolvingAgain() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\n\r\nok"));
        AtomicInteger resolutions = new AtomicInteger();
        List<InetAddress> dialed = new CopyOnWriteArrayList<>();
        GuardedHttpClient client = strictViaFakePublicAddress(server, resolutions, dialed);
        Response response = client.send(Request.get(URI.create("http://radio.ondes.fr/")));
        assertEquals("ok", response.bodyText());
        assertEquals(1, resolutions.get());
        assertEquals(1, dialed.size());
        assertTrue(server.requests().get(0).contains("\r\nHost: radio.ondes.fr\r\n"), server.requests().get(0));
    }

    @Test
    void nameWithOnePrivateAddressAmongPublicOnesIsRefusedWithoutConnecting() throws Exception {
        List<InetAddress> dialed = new CopyOnWriteArrayList<>();
        GuardedHttpClient client = new GuardedHttpClient(new AddressPolicy(false), SECOND, SECOND, "Ondes-test/1",
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {1, 2, 3, 4}),
                    InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})},
                (SSLSocketFactory) SSLSocketFactory.getDefault(), (address, timeout) -> {
                    dialed.add(address.getAddress());
                    throw new IOException("must not dial");
                });
        ProbeException e = assertThrows(ProbeException.class,
                () -> client.send(Request.get(URI.create("http://rebind.ondes.fr/"))));
        assertEquals("rebind.ondes.fr resolves to 10.0.0.7, and 10.0.0.7 is a private (RFC 1918) address;"
                + " listeners on the internet cannot reach it", e.reason());
        assertEquals(List.of(), dialed);
    }

    @Test
    void nextCandidateAddressIsTriedWhenTheFirstRefuses() throws Exception {
        RawServer server = server(x -> x.send("HTTP/1.0 200 OK\r\n\r\nok"));
        GuardedHttpClient client = new GuardedHttpClient(new AddressPolicy(true), SECOND, SECOND, "Ondes-test/1",
                host -> new InetAddress[] {InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")},
                (SSLSocketFactory) SSLSocketFactory.getDefault(), Connector.PLAIN);
        Response response = client.send(Request.get(URI.create("http://radio.ondes.fr:" + server.port() + "/")));
        assertEquals("ok", response.bodyText());
        assertEquals(InetAddress.getByName("127.0.0.1"), response.connectedTo().getAddress());
    }

    @Test
    void closedPortGivesConnectionRefused() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        ProbeException e = assertThrows(ProbeException.class,
                () -> lenient.send(Request.get(URI.create("http://127.0.0.1:" + port + "/"))));
        assertEquals(ProbeException.Kind.CONNECT, e.kind());
        assertEquals("connection refused by 127.0.0.1:" + port, e.reason());
    }
}
