package org.ondes.federation.outbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The URLs published documents name, all under the instance's public URL ({@code ONDES_PUBLIC_URL}): the same station
 * actor and genre links as {@link org.ondes.federation.ActorUrls}, plus the ids of Notes and live sessions.
 */
record Links(String base) {
    String station(UUID stationId) {
        return base + "/stations/" + stationId;
    }

    String followers(UUID stationId) {
        return station(stationId) + "/followers";
    }

    String outbox(UUID stationId) {
        return station(stationId) + "/outbox";
    }

    String genre(String genre) {
        return base + "/?genre=" + URLEncoder.encode(genre, StandardCharsets.UTF_8);
    }

    String note(UUID noteId) {
        return base + "/notes/" + noteId;
    }

    String audio(UUID sessionId) {
        return base + "/live/" + sessionId;
    }
}
