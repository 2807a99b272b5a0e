package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https over a layered SSLSocket: a throw-away certificate for "localhost", made with the JDK's keytool. */
class GuardedHttpClientTlsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final List<String> SNI = new CopyOnWriteArrayList<>();
    private static RawServer server;
    private static SSLSocketFactory trusting;
    private static SSLContext serverTls;

    @BeforeAll
    static void startTlsServer(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getOutputStream().close();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        serverTls = serverContext;
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
        trusting = clientContext.getSocketFactory();
        SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        server = new RawServer(listener, true, x -> {
            ExtendedSSLSession session = (ExtendedSSLSession) ((SSLSocket) x.socket()).getSession();
            session.getRequestedServerNames().forEach(name -> SNI.add(((SNIHostName) name).getAsciiName()));
            x.send("HTTP/1.1 200 OK\r\nContent-Type: audio/ogg\r\nContent-Length: 6\r\n\r\nsecure");
        });
    }

    @AfterAll
    static void stopTlsServer() throws Exception {
        server.close();
        assertEquals(List.of(), server.failures());
    }

    private static GuardedHttpClient client(SSLSocketFactory tls) {
        return client(tls, Duration.ZERO);
    }

    private static GuardedHttpClient client(SSLSocketFactory tls, Duration keepAlive) {
        // "localhost" goes to 127.0.0.1 only, whatever the machine's hosts file says.
        return new GuardedHttpClient(new AddressPolicy(true), TIMEOUT, TIMEOUT, "Ondes-test/1",
                host -> host.equals("localhost") ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                        : InetAddress.getAllByName(host), tls, Connector.PLAIN, keepAlive);
    }

    @Test
    void aKeepAliveClientShakesHandsOnceForSeveralRequests() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        List<Integer> ports = new CopyOnWriteArrayList<>();
        https.createContext("/", x -> {
            ports.add(x.getRemoteAddress().getPort());
            byte[] body = "secure".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        https.start();
        try {
            GuardedHttpClient client = client(trusting, Duration.ofSeconds(15));
            URI uri = URI.create("https://localhost:" + https.getAddress().getPort() + "/inbox");
            for (int i = 0; i < 3; i++) {
                assertEquals("secure", client.send(Request.get(uri)).bodyText());
            }
            assertEquals(3, ports.size());
            assertEquals(1, ports.stream().distinct().count(), "one TLS connection for three requests: " + ports);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void aKeptTlsConnectionTheServerClosedCostsTheNextRequestNothing() throws Exception {
        // the raw server answers with a length and no "Connection: close", then closes: the client keeps it, and
        // finds it closed when it sends the next request
        GuardedHttpClient client = client(trusting, Duration.ofSeconds(15));
        URI uri = URI.create("https://localhost:" + server.port() + "/x");
        int before = server.connections();
        assertEquals("secure", client.send(Request.get(uri)).bodyText());
        assertEquals(1, client.idleConnections());
        Thread.sleep(100);
        assertEquals("secure", client.send(Request.get(uri)).bodyText());
        assertEquals(2, server.connections() - before);
    }

    @Test
    void trustedCertificateForTheNameGivesTheResponseAndTheNameIsSentAsSni() throws Exception {
        SNI.clear();
        Response response = client(trusting).send(Request.get(URI.create("https://localhost:" + server.port() + "/x")));
        assertEquals(200, response.status());
        assertEquals("secure", response.bodyText());
        assertEquals(List.of("localhost"), SNI);
    }

    @Test
    void certificateForAnotherNameIsRefusedByHostnameVerification() {
        ProbeException e = assertThrows(ProbeException.class, () -> client(trusting)
                .send(Request.get(URI.create("https://127.0.0.1:" + server.port() + "/x"))));
        assertEquals(ProbeException.Kind.TLS, e.kind());
        assertTrue(e.reason().startsWith("TLS handshake failed: ") && e.reason().contains("127.0.0.1"), e.reason());
    }

    @Test
    void certificateNotSignedByATrustedAuthorityIsRefused() {
        ProbeException e = assertThrows(ProbeException.class, () -> client((SSLSocketFactory) SSLSocketFactory
                .getDefault()).send(Request.get(URI.create("https://localhost:" + server.port() + "/x"))));
        assertEquals(ProbeException.Kind.TLS, e.kind());
        assertTrue(e.reason().startsWith("TLS handshake failed: "), e.reason());
    }
}
