package org.ondes.limits;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The one answer to "which address is this request from, and did it use https": the peer that connected, unless that
 * peer is a trusted proxy (ONDES_TRUSTED_PROXIES), whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 * then believed (see {@link TrustedProxies}). Everything that keys on the client (limits, click counting, the
 * requester recorded with a YP add) and everything that needs the browser's scheme (cookie flags, the Origin check)
 * asks here.
 */
@Singleton
public class ClientAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(ClientAddresses.class);
    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private final TrustedProxies proxies;

    ClientAddresses(@Nullable @Value("${ondes.trusted-proxies:}") String trustedProxies) {
        try {
            this.proxies = TrustedProxies.parse(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ONDES_TRUSTED_PROXIES: " + e.getMessage(), e);
        }
        if (!proxies.isEmpty()) {
            LOG.info("Trusting X-Forwarded-For and X-Forwarded-Proto from {}", proxies.ranges());
        }
    }

    public ClientAddress of(HttpRequest<?> request) {
        return new ClientAddress(proxies.client(peer(request), request.getHeaders().getAll(FORWARDED_FOR)));
    }

    /** Whether the browser reached this instance over https: a TLS connection, or a trusted proxy that says so. */
    public boolean https(HttpRequest<?> request) {
        return request.isSecure() || proxies.forwardedHttps(peer(request), request.getHeaders().getAll(FORWARDED_PROTO));
    }

    private static InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress a = remote == null ? null : remote.getAddress();
        return a == null ? InetAddress.getLoopbackAddress() : a;
    }
}
