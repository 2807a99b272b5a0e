package org.ondes.probe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * The one outbound HTTP client of Ondes. Every host name and every address it resolves to is
 * checked by the {@link AddressPolicy} before any connection, on every redirect hop, and the client
 * connects to exactly the addresses it checked (never resolving again), so DNS rebinding cannot slip
 * a private address in between check and use. Written over plain sockets because the JDK client can
 * neither pin the connect address nor accept the {@code ICY 200 OK} status line of SHOUTcast-style
 * servers. Thread-safe. By default one connection per request ({@code Connection: close}); a client made with a
 * keep-alive time keeps connections open between requests to the same origin ({@link IdleConnections}), which saves
 * a TCP and TLS handshake per request to a host it talks to often (federation deliveries). A kept connection is
 * reused only while its address still passes the policy and is one the host name resolves to; one that the server
 * closed while idle is noticed when the request gets no answer at all, and the request goes again on a new one.
 */
public final class GuardedHttpClient {

    /** Turns a host name into candidate addresses; replaceable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A whole exchange (headers and body of one hop) may take this many read timeouts. */
    static final int EXCHANGE_READ_TIMEOUTS = 4;

    /** Connections kept per origin (federation sends a host at most a couple of requests at once) and in all. */
    static final int MAX_IDLE_PER_ORIGIN = 4;
    static final int MAX_IDLE = 256;

    private final AddressPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String userAgent;
    private final Resolver resolver;
    private final Connector connector;
    /** Connections kept between requests; null: one connection per request. */
    private final IdleConnections idle;

    /** A client that opens a connection per request. */
    public GuardedHttpClient(AddressPolicy policy, Duration connectTimeout, Duration readTimeout, String userAgent) {
        this(policy, connectTimeout, readTimeout, userAgent, Duration.ZERO);
    }

    /**
     * A client that keeps a connection open for up to {@code keepAlive} after a request, for the next request to the
     * same origin ({@link Duration#ZERO}: a connection per request).
     */
    public GuardedHttpClient(AddressPolicy policy, Duration connectTimeout, Duration readTimeout, String userAgent,
                             Duration keepAlive) {
        this(policy, connectTimeout, readTimeout, userAgent, InetAddress::getAllByName,
                (SSLSocketFactory) SSLSocketFactory.getDefault(), Connector.PLAIN, keepAlive);
    }

    /** For tests: another resolver, trust store or way of opening TCP connections. */
    GuardedHttpClient(AddressPolicy policy, Duration connectTimeout, Duration readTimeout, String userAgent,
                      Resolver resolver, SSLSocketFactory tls, Connector.Dialer dialer) {
        this(policy, connectTimeout, readTimeout, userAgent, resolver, tls, dialer, Duration.ZERO);
    }

    GuardedHttpClient(AddressPolicy policy, Duration connectTimeout, Duration readTimeout, String userAgent,
                      Resolver resolver, SSLSocketFactory tls, Connector.Dialer dialer, Duration keepAlive) {
        if (policy == null || resolver == null || tls == null || dialer == null) {
            throw new IllegalArgumentException("policy, resolver and TLS factory are required");
        }
        if (connectTimeout.toMillis() < 1 || readTimeout.toMillis() < 1
                || connectTimeout.toMillis() > Integer.MAX_VALUE / EXCHANGE_READ_TIMEOUTS
                || readTimeout.toMillis() > Integer.MAX_VALUE / EXCHANGE_READ_TIMEOUTS) {
            throw new IllegalArgumentException("timeouts must be between 1 ms and a few days");
        }
        if (userAgent == null || !userAgent.matches("[\\x21-\\x7E][\\x20-\\x7E]*")) {
            throw new IllegalArgumentException("user agent must be printable ASCII");
        }
        this.policy = policy;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.userAgent = userAgent;
        this.resolver = resolver;
        this.connector = new Connector(connectTimeout, readTimeout, tls, dialer);
        this.idle = keepAlive.isZero() ? null : new IdleConnections(keepAlive, MAX_IDLE_PER_ORIGIN, MAX_IDLE);
    }

    /** Closes the connections kept for later requests (a keep-alive client); further requests open new ones. */
    public void closeIdleConnections() {
        if (idle != null) {
            idle.close();
        }
    }

    /** How many connections are kept open for later requests now. */
    int idleConnections() {
        return idle == null ? 0 : idle.size();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Sends the request, following redirects as it allows. */
    public Response send(Request request) throws ProbeException {
        long start = System.nanoTime();
        Request current = request.redirected(request.method(), checkUrl(request.uri()), request.headers(),
                request.body());
        Target target = target(current.uri());
        for (int hop = 0; ; hop++) {
            Hop result = exchange(current, target, start);
            if (result.response() != null) {
                return result.response();
            }
            if (hop >= request.maxRedirects()) {
                throw new ProbeException(ProbeException.Kind.REDIRECTS,
                        "too many redirects (more than " + request.maxRedirects() + ")");
            }
            current = result.next();
            try {
                URI next = checkUrl(current.uri());
                current = current.redirected(current.method(), next, current.headers(), current.body());
                target = target(next);
            } catch (ProbeException e) {
                if (e.kind() == ProbeException.Kind.INVALID_URL || e.kind() == ProbeException.Kind.REFUSED) {
                    throw new ProbeException(e.kind(), "redirect to " + Text.url(current.uri()) + " refused: "
                            + e.reason());
                }
                throw e;
            }
        }
    }

    /** Where one hop goes: the checked candidates, in the resolver's order. */
    private record Target(URI uri, String host, int port, boolean https, InetAddress[] candidates) {
    }

    private static URI checkUrl(URI uri) throws ProbeException {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
            throw new ProbeException(ProbeException.Kind.INVALID_URL, "URL must be absolute, like https://host/path");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ProbeException(ProbeException.Kind.INVALID_URL, "URL must use http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ProbeException(ProbeException.Kind.INVALID_URL, "URL must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ProbeException(ProbeException.Kind.INVALID_URL, "URL has no valid host name");
        }
        if (uri.getPort() == 0) {
            throw new ProbeException(ProbeException.Kind.INVALID_URL, "URL has an invalid port");
        }
        return URI.create(uri.toASCIIString());
    }

    private Target target(URI uri) throws ProbeException {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        Optional<String> refusal = policy.refuseHost(host);
        if (refusal.isPresent()) {
            throw new ProbeException(ProbeException.Kind.REFUSED, refusal.get());
        }
        InetAddress[] candidates;
        try {
            candidates = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            candidates = new InetAddress[0];
        }
        if (candidates == null || candidates.length == 0) {
            throw new ProbeException(ProbeException.Kind.UNRESOLVED, "could not resolve " + Text.clean(host, 100));
        }
        refusal = vet(host, candidates);
        if (refusal.isPresent()) {
            throw new ProbeException(ProbeException.Kind.REFUSED, refusal.get());
        }
        return new Target(uri, host, port, https, candidates.clone());
    }

    /** The policy's verdict on every candidate address of {@code host}: one refused address refuses all. */
    Optional<String> vet(String host, InetAddress[] candidates) {
        for (InetAddress candidate : candidates) {
            Optional<String> refusal = policy.refuseAddress(candidate);
            if (refusal.isPresent()) {
                String shown = Text.address(candidate);
                boolean literal = host.equalsIgnoreCase(shown) || host.indexOf(':') >= 0 || host.matches("[0-9.]+");
                return Optional.of(literal ? refusal.get()
                        : Text.clean(host, 60) + " resolves to " + shown + ", and " + refusal.get());
            }
        }
        return Optional.empty();
    }

    /**
     * The address the socket is really connected to must be one of the checked candidates and pass the policy again.
     * With the plain dialer this always holds; the check keeps it so for any other way of connecting (a proxy, a
     * changed dialer), so the guard never rests on the resolver's word alone.
     */
    private void recheckConnected(Socket socket, Target target) throws ProbeException {
        InetAddress connected = socket.getInetAddress();
        Optional<String> refusal = connected == null ? Optional.of("the connection has no remote address")
                : java.util.Arrays.asList(target.candidates()).contains(connected) ? policy.refuseAddress(connected)
                : Optional.of(Text.clean(connected.getHostAddress(), 60) + " is not an address "
                        + Text.clean(target.host(), 60) + " was checked for");
        if (refusal.isPresent()) {
            close(socket);
            throw new ProbeException(ProbeException.Kind.REFUSED, "connected address refused: " + refusal.get());
        }
    }

    /** The outcome of one hop: the final response, or the request to send next. */
    private record Hop(Response response, Request next) {
    }

    /** A kept connection the server had closed before this request got any answer: send it on a new one. */
    private static final class StaleConnection extends Exception {
        private static final long serialVersionUID = 1L;

        StaleConnection() {
            super(null, null, false, false);
        }
    }

    private Hop exchange(Request req, Target target, long start) throws ProbeException {
        IdleConnections.Origin origin = new IdleConnections.Origin(target.https(),
                target.host().toLowerCase(Locale.ROOT), target.port());
        IdleConnections.Connection kept = idle == null ? null : idle.take(origin, System.nanoTime());
        if (kept != null) {
            if (stillAllowed(kept.socket, target)) {
                try {
                    return exchange(req, target, start, origin, kept, true);
                } catch (StaleConnection e) {
                    // the server closed it while it was idle; nothing was answered, so the request goes again
                }
            } else {
                kept.close();
            }
        }
        try {
            return exchange(req, target, start, origin, open(target), false);
        } catch (StaleConnection e) {
            throw new IllegalStateException("a new connection is never stale", e);
        }
    }

    /** Connects to the checked candidates, checks the connected address again, and for https shakes hands. */
    private IdleConnections.Connection open(Target target) throws ProbeException {
        Socket socket = connector.connect(target.candidates(), target.port());
        recheckConnected(socket, target);
        try {
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            if (target.https()) {
                socket = connector.handshake(socket, target.host(), target.port());
            }
            return new IdleConnections.Connection(socket, new BufferedInputStream(socket.getInputStream(), 8192),
                    new BufferedOutputStream(socket.getOutputStream(), 8192));
        } catch (IOException e) {
            String where = Text.endpoint((InetSocketAddress) socket.getRemoteSocketAddress());
            close(socket);
            throw new ProbeException(ProbeException.Kind.PROTOCOL, "connection to " + where + " failed: "
                    + Text.clean(e.getMessage(), 80));
        } catch (ProbeException e) {
            close(socket);
            throw e;
        }
    }

    /** A kept connection may carry a request for {@code target} while its address is still one checked for it. */
    private boolean stillAllowed(Socket socket, Target target) {
        InetAddress connected = socket.getInetAddress();
        return !socket.isClosed() && connected != null
                && java.util.Arrays.asList(target.candidates()).contains(connected)
                && policy.refuseAddress(connected).isEmpty();
    }

    private Hop exchange(Request req, Target target, long start, IdleConnections.Origin origin,
                         IdleConnections.Connection conn, boolean reused) throws ProbeException, StaleConnection {
        Socket socket = conn.socket;
        Wire wire = null;
        boolean keep = false;
        try {
            long deadline = System.nanoTime() + readTimeout.toNanos() * EXCHANGE_READ_TIMEOUTS;
            wire = new Wire(socket, conn.in, readTimeout, deadline);
            HttpExchange http = new HttpExchange(wire, conn.out);
            http.writeRequest(req, userAgent, idle != null);
            HttpExchange.Head head = http.readHead();
            String location = head.first("location");
            if (req.maxRedirects() > 0 && Redirects.STATUSES.contains(head.status()) && location != null) {
                return new Hop(null, Redirects.follow(req, head.status(), location));
            }
            HttpExchange.Body body = http.readBody(req, head);
            InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
            keep = idle != null && body.framed() && persistent(head) && nothingMore(conn);
            return new Hop(new Response(head.status(), head.statusLine(), head.protocol(), head.headers(),
                    body.bytes(), body.truncated(), req.uri(), peer, (System.nanoTime() - start) / 1_000_000), null);
        } catch (SocketTimeoutException e) {
            throw new ProbeException(ProbeException.Kind.TIMEOUT, "no answer within " + Text.seconds(readTimeout)
                    + " from " + Text.endpoint((InetSocketAddress) socket.getRemoteSocketAddress()));
        } catch (IOException e) {
            if (reused && (wire == null || !wire.gotBytes())) {
                throw new StaleConnection();
            }
            throw new ProbeException(ProbeException.Kind.PROTOCOL, "connection to "
                    + Text.endpoint((InetSocketAddress) socket.getRemoteSocketAddress()) + " failed: "
                    + Text.clean(e.getMessage(), 80));
        } catch (ProbeException e) {
            if (reused && e.kind() == ProbeException.Kind.PROTOCOL && wire != null && !wire.gotBytes()) {
                throw new StaleConnection(); // closed without a byte of answer
            }
            throw e;
        } finally {
            if (keep) {
                idle.give(origin, conn, System.nanoTime());
            } else {
                conn.close();
            }
        }
    }

    /** HTTP/1.1 keeps a connection open unless either side says {@code Connection: close}. */
    private static boolean persistent(HttpExchange.Head head) {
        if (!"HTTP/1.1".equals(head.protocol())) {
            return false;
        }
        List<String> connection = head.headers().getOrDefault("connection", List.of());
        return connection.stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .noneMatch(token -> token.trim().equalsIgnoreCase("close"));
    }

    /** Nothing beyond the answer has arrived (a server that sends more is not one to send another request to). */
    private static boolean nothingMore(IdleConnections.Connection conn) {
        try {
            return conn.in.available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }
}
