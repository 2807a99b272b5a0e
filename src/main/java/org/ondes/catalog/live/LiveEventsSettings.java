package org.ondes.catalog.live;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The live feed (prefix {@code ondes.events}), see docs/configuration.md.
 *
 * @param retentionSeconds how long events are kept, which is how far back {@code Last-Event-ID} can resume
 * @param keepaliveSeconds interval of the comment line that keeps idle connections (and proxies) open
 * @param clientBuffer     events held for one client that does not read fast enough; beyond this its pending events
 *                         are dropped and it is told to {@code resync}
 * @param maxClients       live-feed connections this instance accepts at once; more get a 503 with Retry-After
 */
@ConfigurationProperties("ondes.events")
record LiveEventsSettings(@Bindable(defaultValue = "300") int retentionSeconds,
                          @Bindable(defaultValue = "20") int keepaliveSeconds,
                          @Bindable(defaultValue = "512") int clientBuffer,
                          @Bindable(defaultValue = "20000") int maxClients) {

    LiveEventsSettings(int retentionSeconds, int keepaliveSeconds, int clientBuffer) {
        this(retentionSeconds, keepaliveSeconds, clientBuffer, 20_000);
    }

    Duration retention() {
        return Duration.ofSeconds(Math.max(10, retentionSeconds));
    }

    Duration keepalive() {
        return Duration.ofSeconds(Math.max(1, keepaliveSeconds));
    }

    int effectiveClientBuffer() {
        return Math.max(8, clientBuffer);
    }
}
