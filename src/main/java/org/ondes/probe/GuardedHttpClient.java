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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * The one outbound HTTP client of Ondes. Every host name and every address it resolves to is
 * checked by the {@link AddressPolicy} before any connection, on every redirect hop, and the client
 * connects to exactly the addresses it checked (never resolving again), so DNS rebinding cannot slip
 * a private address in between check and use. Written over plain sockets because the JDK client can
 * neither pin the connect address nor accept the {@code ICY 200 OK} status line of SHOUTcast-style
 * servers. Thread-safe; one connection per request ({@code Connection: close}).
 */
public final class GuardedHttpClient {

    /** Turns a host name into candidate addresses; replaceable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A whole exchange (headers and body of one hop) may take this many read timeouts. */
    static final int EXCHANGE_READ_TIMEOUTS = 4;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

    private final AddressPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String userAgent;
    private final Resolver resolver;
    private final Connector connector;

    public GuardedHttpClient(AddressPolicy policy, Duration connectTimeout, Duration readTimeout, String userAgent) {
        this(policy, connectTimeout, readTimeout, userAgent, InetAddress::getAllByName,
                (SSLSocketFactory) SSLSocketFactory.getDefault(), Connector.PLAIN);
    }

    /** For tests: another resolver, trust store or way of opening TCP connections. */
    GuardedHttpClient(AddressPolicy policy, Duration connectTimeout, Duration readTimeout, String userAgent,
                      Resolver resolver, SSLSocketFactory tls, Connector.Dialer dialer) {
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
            try {
                socket.close();
            } catch (IOException e) {
                // closing a refused connection; nothing was sent on it
            }
            throw new ProbeException(ProbeException.Kind.REFUSED, "connected address refused: " + refusal.get());
        }
    }

    /** The outcome of one hop: the final response, or the request to send next. */
    private record Hop(Response response, Request next) {
    }

    private Hop exchange(Request req, Target target, long start) throws ProbeException {
        Socket socket = connector.connect(target.candidates(), target.port());
        recheckConnected(socket, target);
        try {
            long deadline = System.nanoTime() + readTimeout.toNanos() * EXCHANGE_READ_TIMEOUTS;
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            if (target.https()) {
                socket = connector.handshake(socket, target.host(), target.port());
            }
            Wire wire = new Wire(socket, new BufferedInputStream(socket.getInputStream(), 8192), readTimeout, deadline);
            HttpExchange http = new HttpExchange(wire, new BufferedOutputStream(socket.getOutputStream(), 8192));
            http.writeRequest(req, userAgent);
            HttpExchange.Head head = http.readHead();
            String location = head.first("location");
            if (req.maxRedirects() > 0 && REDIRECTS.contains(head.status()) && location != null) {
                return new Hop(null, follow(req, head.status(), location));
            }
            HttpExchange.Body body = http.readBody(req, head);
            InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
            return new Hop(new Response(head.status(), head.statusLine(), head.protocol(), head.headers(),
                    body.bytes(), body.truncated(), req.uri(), peer, (System.nanoTime() - start) / 1_000_000), null);
        } catch (SocketTimeoutException e) {
            throw new ProbeException(ProbeException.Kind.TIMEOUT, "no answer within " + Text.seconds(readTimeout)
                    + " from " + Text.endpoint((InetSocketAddress) socket.getRemoteSocketAddress()));
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, "connection to "
                    + Text.endpoint((InetSocketAddress) socket.getRemoteSocketAddress()) + " failed: "
                    + Text.clean(e.getMessage(), 80));
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do with this connection
            }
        }
    }

    /** The request a redirect asks for: 303 (and 301/302 after POST) become a GET without body. */
    private static Request follow(Request req, int status, String location) throws ProbeException {
        URI next;
        try {
            URI base = req.uri();
            if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
                base = base.resolve("/");
            }
            next = base.resolve(new URI(location.trim()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ProbeException(ProbeException.Kind.INVALID_URL,
                    "redirect to an invalid URL refused: " + Text.clean(location, 80));
        }
        String method = req.method();
        byte[] body = req.body();
        Map<String, String> headers = new LinkedHashMap<>(req.headers());
        boolean toGet = (status == 303 && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
        if (toGet) {
            method = "GET";
            body = null;
            headers.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("content-"));
        }
        if (!sameOrigin(req.uri(), next)) {
            headers.keySet().removeIf(name -> CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)));
        }
        return req.redirected(method, next, headers, body);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && a.getPort() == b.getPort();
    }
}
