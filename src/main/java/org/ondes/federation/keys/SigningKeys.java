package org.ondes.federation.keys;

import jakarta.inject.Singleton;
import org.ondes.federation.ActorUrls;
import org.ondes.federation.signatures.SigningKey;

import java.util.Optional;
import java.util.UUID;

/** The key a local actor signs with, by its actor id: the instance actor or a station's. */
@Singleton
public class SigningKeys {
    private final ActorKeys keys;
    private final ActorUrls urls;

    SigningKeys(ActorKeys keys, ActorUrls urls) {
        this.keys = keys;
        this.urls = urls;
    }

    /** The signing key of one of our actors; empty when {@code actorId} is not one. */
    public Optional<SigningKey> of(String actorId) {
        if (urls.instanceActor().equals(actorId)) {
            return Optional.of(new SigningKey(urls.keyId(actorId), keys.instance().privateKey()));
        }
        Optional<UUID> station = urls.stationOf(actorId);
        return station.map(id -> new SigningKey(urls.keyId(actorId), keys.station(id).privateKey()));
    }

    /** The instance actor's key: what signs this instance's fetches. */
    public SigningKey instance() {
        return of(urls.instanceActor()).orElseThrow();
    }
}
