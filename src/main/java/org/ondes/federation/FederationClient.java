package org.ondes.federation;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;
import org.ondes.probe.AddressPolicy;
import org.ondes.probe.GuardedHttpClient;

import java.net.URI;
import java.time.Duration;

/**
 * The one outbound HTTP client of federation (fetches and deliveries): the SSRF guard with federation's own address
 * policy ({@code ondes.federation.allow-private-addresses}), the delivery timeouts, and a User-Agent naming this
 * instance; connections are kept open between requests to the same server for a while
 * ({@code ondes.federation.delivery.keep-alive}). Made on first use: without {@code ONDES_PUBLIC_URL}, the public
 * URL needs the server's port.
 */
@Singleton
public class FederationClient {
    private final FederationSettings settings;
    private final PublicUrls urls;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration keepAlive;
    private volatile GuardedHttpClient client;

    FederationClient(FederationSettings settings, PublicUrls urls,
                     @Value("${ondes.federation.delivery.connect-timeout-ms:3000}") int connectTimeoutMs,
                     @Value("${ondes.federation.delivery.read-timeout-ms:5000}") int readTimeoutMs,
                     @Value("${ondes.federation.delivery.keep-alive:15s}") Duration keepAlive) {
        this.settings = settings;
        this.urls = urls;
        this.connectTimeout = Duration.ofMillis(connectTimeoutMs);
        this.readTimeout = Duration.ofMillis(readTimeoutMs);
        if (keepAlive.isNegative() || keepAlive.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("ondes.federation.delivery.keep-alive must be between 0s and 10m, not "
                    + keepAlive);
        }
        this.keepAlive = keepAlive;
    }

    public GuardedHttpClient client() {
        GuardedHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    String agent = "Ondes/0.1 (ActivityPub; +" + URI.create(urls.base()).toASCIIString() + ")";
                    c = new GuardedHttpClient(new AddressPolicy(settings.allowPrivateAddresses()), connectTimeout,
                            readTimeout, agent, keepAlive);
                    client = c;
                }
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        GuardedHttpClient c = client;
        if (c != null) {
            c.closeIdleConnections();
        }
    }
}
