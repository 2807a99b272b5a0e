package org.ondes.probe;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.ondes.config.OndesConfig;
import org.ondes.config.PublicUrls;

import java.time.Duration;

/** Wires the one guarded outbound client and the listen-URL probe from configuration. */
@Factory
class ProbeFactory {
    @Singleton
    AddressPolicy addressPolicy(OndesConfig config) {
        return new AddressPolicy(config.allowPrivateListenUrls());
    }

    @Singleton
    GuardedHttpClient guardedHttpClient(AddressPolicy policy, ProbeSettings settings, PublicUrls urls) {
        String agent = "Ondes/0.1 (directory listen-URL check; +" + urls.base() + ")";
        return new GuardedHttpClient(policy, Duration.ofMillis(settings.connectTimeoutMs()),
                Duration.ofMillis(settings.readTimeoutMs()), agent);
    }

    @Singleton
    ListenUrlProbe listenUrlProbe(GuardedHttpClient client) {
        return new ListenUrlProbe(client);
    }
}
