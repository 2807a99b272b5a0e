package org.ondes.site;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A station's page, live or not: the profile, the live card (listen URLs, now playing, listeners) when on air, the
 * recent songs, the listener sparkline, and the embeddable player's snippet.
 *
 * @param homepage        the station's web site when it is an http(s) URL, else null
 * @param live            null when the station is not on air
 * @param fediverseHandle the handle to follow the station with from the fediverse ({@code @name@host}), or null
 *                        (a remote station, or federation switched off)
 * @param unlisted        its owner made it unlisted: the page says it is reachable only by its link
 * @param report          the form to report the station to the moderators
 * @param origin          for another instance's station, that instance's host[:port]; else null
 * @param originUrl       the station's page on its origin (an http(s) URL), or null
 */
public record StationPage(PageMeta meta, UUID id, String name, @Nullable String description, @Nullable String homepage,
                          List<StationCard.Chip> genres, @Nullable StationCard live, List<SongLine> recentSongs,
                          Sparkline sparkline, String embedUrl, String embedSnippet, String xspf,
                          @Nullable String fediverseHandle, boolean unlisted, ReportForm report,
                          @Nullable String origin, @Nullable String originUrl) {

    /** A song in the recent-songs list, with when it started. */
    public record SongLine(String song, String atIso, String atText) {
    }
}
