package org.ondes.federation.remote;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Another server's actor as Ondes keeps it: where to deliver to it and the key it signs with.
 *
 * @param host         the authority of its id, lower case ({@code mastodon.example}, {@code 127.0.0.1:8001})
 * @param ondesCatalog it is an Ondes instance actor (its NodeInfo says so, or it followed our instance actor)
 */
public record RemoteActor(String id, String host, String type, @Nullable String preferredUsername,
                          @Nullable String name, String inbox, @Nullable String sharedInbox, @Nullable String keyId,
                          @Nullable String publicKeyPem, boolean ondesCatalog, Instant fetchedAt) {

    /** Where an activity for its followers goes: the shared inbox when it has one. */
    public String deliveryInbox() {
        return sharedInbox != null ? sharedInbox : inbox;
    }
}
