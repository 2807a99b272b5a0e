package org.ondes.probe;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.ondes.config.OndesConfig;

import java.time.Duration;

/** Wires the one guarded outbound client and the listen-URL probe from configuration. */
@Factory
class ProbeFactory {
    @Singleton
    AddressPolicy addressPolicy(OndesConfig config) {
        return new AddressPolicy(config.allowPrivateListenUrls());
    }

    @Singleton
    GuardedHttpClient guardedHttpClient(AddressPolicy policy, ProbeSettings settings, OndesConfig config) {
        // Only the configured public URL: the default one needs the server's port, which is not known this early.
        String site = config.publicUrl() == null || config.publicUrl().isBlank() ? "" : "; +" + config.publicUrl().strip();
        String agent = "Ondes/0.1 (directory listen-URL check" + site + ")";
        return new GuardedHttpClient(policy, Duration.ofMillis(settings.connectTimeoutMs()),
                Duration.ofMillis(settings.readTimeoutMs()), agent);
    }

    @Singleton
    ListenUrlProbe listenUrlProbe(GuardedHttpClient client, ProbeSettings settings) {
        // a check whose host is busy is deferred at once: waiting would hold a check slot other hosts need
        return new ListenUrlProbe(client, new HostPermits(settings.perHost(), Duration.ZERO));
    }
}
