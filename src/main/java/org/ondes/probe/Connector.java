package org.ondes.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections for {@link GuardedHttpClient}: TCP to addresses that were already checked (it
 * never resolves a name itself), then TLS over that very socket when the URL is https.
 */
final class Connector {

    /** At most this many resolved addresses are tried (all of them are checked beforehand). */
    static final int MAX_CANDIDATES = 4;

    /** Opens a TCP connection to one address; replaceable in tests. */
    @FunctionalInterface
    interface Dialer {
        Socket dial(InetSocketAddress address, int timeoutMillis) throws IOException;
    }

    /** The real dialer: a plain socket connected to exactly the given address. */
    static final Dialer PLAIN = (address, timeoutMillis) -> {
        Socket socket = new Socket();
        try {
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    };

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SSLSocketFactory tls;
    private final Dialer dialer;

    Connector(Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls, Dialer dialer) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.tls = tls;
        this.dialer = dialer;
    }

    /** Connects to the checked candidates in order; the first that accepts wins. */
    Socket connect(InetAddress[] candidates, int port) throws ProbeException {
        List<String> failures = new ArrayList<>();
        int tries = Math.min(candidates.length, MAX_CANDIDATES);
        for (int i = 0; i < tries; i++) {
            InetSocketAddress address = new InetSocketAddress(candidates[i], port);
            String shown = Text.endpoint(address);
            try {
                return dialer.dial(address, (int) connectTimeout.toMillis());
            } catch (SocketTimeoutException e) {
                failures.add("timed out after " + Text.seconds(connectTimeout) + " connecting to " + shown);
            } catch (ConnectException e) {
                String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                failures.add(message.contains("refused") ? "connection refused by " + shown
                        : "could not connect to " + shown + ": " + Text.clean(e.getMessage(), 60));
            } catch (NoRouteToHostException e) {
                failures.add("no route to " + shown);
            } catch (IOException e) {
                failures.add("could not connect to " + shown + ": " + Text.clean(e.getMessage(), 60));
            }
        }
        String reason = failures.get(0);
        if (failures.size() > 1) {
            reason += " (and " + (failures.size() - 1) + " more address" + (failures.size() > 2 ? "es" : "")
                    + " failed)";
        }
        ProbeException.Kind kind = reason.startsWith("timed out") ? ProbeException.Kind.TIMEOUT
                : ProbeException.Kind.CONNECT;
        throw new ProbeException(kind, reason);
    }

    /** Layers TLS over the connected socket: SNI for names, certificate and host name checks always. */
    Socket handshake(Socket plain, String host, int port) throws ProbeException, IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        boolean literal = host.indexOf(':') >= 0 || host.matches("[0-9.]+");
        if (!literal) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry; the certificate check still applies
            }
        }
        ssl.setSSLParameters(parameters);
        try {
            ssl.startHandshake();
            return ssl;
        } catch (SocketTimeoutException e) {
            ssl.close();
            throw new ProbeException(ProbeException.Kind.TIMEOUT, "TLS handshake with " + Text.clean(host, 60)
                    + " timed out after " + Text.seconds(readTimeout));
        } catch (SSLException e) {
            ssl.close();
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root.getMessage() != null ? root.getMessage() : e.getMessage();
            throw new ProbeException(ProbeException.Kind.TLS, "TLS handshake failed: " + Text.clean(detail, 120));
        }
    }
}
