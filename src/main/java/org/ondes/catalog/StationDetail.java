package org.ondes.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A station page's data: the profile, the live entry when on air (sessions, now playing, listeners), the last songs
 * and the listener history (one sample a minute for 24 h, hourly averages for the 6 days before) for a sparkline.
 *
 * @param unlisted its owner made it unlisted: only its direct link reaches it, and search engines are asked not to
 *                 index it
 * @param handle    the station's fediverse handle, {@code @name@host}; null for a remote station
 * @param actor     the id of the station's ActivityPub actor (the station page's URL, served as activity+json to
 *                  clients that ask for it); null for a remote station, which is its origin's actor, not ours
 * @param origin    null for this instance's stations; for another instance's, that instance's host[:port]
 * @param originUrl the station's page on its origin (null for this instance's stations)
 */
@Serdeable
public record StationDetail(UUID id, String name, @Nullable String description, @Nullable String homepage,
                            List<String> genres, @Nullable String language, @Nullable String country,
                            @Nullable String logoUrl, boolean live, @Nullable CatalogEntry entry, List<Song> recentSongs,
                            List<ListenerSample> listenerHistory, boolean unlisted, @Nullable String handle,
                            @Nullable String actor, @Nullable String origin, @Nullable String originUrl) {

    @Serdeable
    public record Song(String song, Instant startedAt) {
    }

    @Serdeable
    public record ListenerSample(Instant at, int listeners) {
    }
}
