package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A live stream of another Ondes instance, as its Audio object describes it, already validated and made plain text
 * by the federation layer ({@code org.ondes.federation.catalog.AudioParser}); {@link RemoteStreams} checks the
 * invariants again (absolute http(s) listen URL, length caps) before storing it.
 *
 * @param objectId   the Audio object's id: names the session
 * @param actor      the station actor's id ({@code attributedTo}): names the station
 * @param origin     the origin instance's host[:port] (the authority of {@code actor})
 * @param stationUrl the station's page on its origin
 * @param country    ISO 3166-1 alpha-2, upper case, or null
 * @param logoUrl    an https URL, or null
 * @param expiresIn  how long the entry stays without a refresh
 */
public record RemoteListing(String objectId, String actor, String origin, String stationUrl, String name,
                            @Nullable String description, @Nullable String homepage, List<String> genres,
                            URI listenUrl, String contentType, @Nullable String codec, @Nullable Integer bitrate,
                            @Nullable Integer samplerate, @Nullable Integer channels, int listeners,
                            @Nullable String nowPlaying, @Nullable String language, @Nullable String country,
                            @Nullable String logoUrl, Instant startedAt, Duration expiresIn) {
}
