package org.ondes.federation;

import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;

import java.util.UUID;

/**
 * Every ActivityPub id this instance mints, derived from {@code ONDES_PUBLIC_URL}. A station's actor is its page's URL
 * (content negotiation tells a browser from a server); the instance actor lives at {@code /actor}; everyone shares
 * the inbox at {@code /inbox}.
 */
@Singleton
public class ActorUrls {
    /** The instance actor's preferredUsername (reserved: no station gets it as its handle). */
    public static final String INSTANCE_NAME = "ondes";
    private final PublicUrls urls;

    ActorUrls(PublicUrls urls) {
        this.urls = urls;
    }

    public String instanceActor() {
        return urls.of("/actor");
    }

    public String station(UUID stationId) {
        return urls.stationActor(stationId);
    }

    /** The station whose actor id this is, if it is one of ours. */
    public java.util.Optional<UUID> stationOf(String actorId) {
        String prefix = urls.of("/stations/");
        if (actorId == null || !actorId.startsWith(prefix) || actorId.length() != prefix.length() + 36) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(actorId.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public String keyId(String actor) {
        return actor + "#main-key";
    }

    public String inbox(String actor) {
        return actor + "/inbox";
    }

    public String outbox(String actor) {
        return actor + "/outbox";
    }

    public String followers(String actor) {
        return actor + "/followers";
    }

    public String following(String actor) {
        return actor + "/following";
    }

    public String sharedInbox() {
        return urls.of("/inbox");
    }

    /** The catalog filtered by one genre: where a station's hashtag links lead. */
    public String genre(String genre) {
        return urls.of("/?genre=" + java.net.URLEncoder.encode(genre, java.nio.charset.StandardCharsets.UTF_8));
    }

    public String home() {
        return urls.of("/");
    }

    /** The host (and port when not the default) that names this instance in {@code acct:} URIs. */
    public String authority() {
        return urls.authority();
    }
}
