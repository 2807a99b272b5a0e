package org.ondes.catalog;

import org.ondes.streams.LiveStation;
import org.ondes.streams.StreamView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The pure mapping from a live station snapshot to its catalog row (grouping rules in one place, unit-tested). */
record Projected(UUID stationId, String name, String description, String homepage, List<String> genres,
                 List<String> codecs, List<String> contentTypes, Integer bitrate, String language, String country,
                 String logoUrl, boolean https, int listeners, String currentSong, Instant liveSince, Instant lastTouch,
                 List<CatalogEntry.Session> sessions, String origin, String originUrl) {

    static Projected of(LiveStation station) {
        List<StreamView> list = station.sessions();
        Set<String> codecs = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Integer bitrate = null;
        boolean https = false;
        int listeners = 0;
        String song = null;
        Instant since = null;
        Instant touch = null;
        List<CatalogEntry.Session> sessions = new ArrayList<>(list.size());
        for (StreamView s : list) {
            if (s.codec() != null) {
                codecs.add(s.codec());
            }
            types.add(s.contentType().toLowerCase(Locale.ROOT));
            if (s.bitrate() != null && (bitrate == null || s.bitrate() > bitrate)) {
                bitrate = s.bitrate();
            }
            https |= s.listenUrl().regionMatches(true, 0, "https:", 0, 6);
            listeners += s.listeners();
            if (song == null && s.currentSong() != null) {
                song = s.currentSong();
            }
            since = since == null || s.liveSince().isBefore(since) ? s.liveSince() : since;
            touch = touch == null || s.lastTouch().isAfter(touch) ? s.lastTouch() : touch;
            sessions.add(new CatalogEntry.Session(s.id(), s.listenUrl(), s.contentType(), s.codec(), s.bitrate(),
                    s.samplerate(), s.channels(), s.currentSong(), s.listeners(), s.maxListeners(), s.liveSince()));
        }
        return new Projected(station.id(), station.name(), station.description(), station.homepage(), station.genres(),
                List.copyOf(codecs), List.copyOf(types), bitrate, station.language(), station.country(), station.logoUrl(),
                https, listeners, song, since, touch, List.copyOf(sessions), station.origin(), station.originUrl());
    }

    /**
     * The entry as the catalog would serve it (what {@code CatalogReads} reads back from the stored row): technical
     * fields of the primary session, listeners and max listeners summed. For stations that are not in the catalog
     * (unlisted ones, reached by their direct link).
     */
    CatalogEntry entry() {
        CatalogEntry.Session primary = sessions.get(0);
        Integer maxListeners = 0;
        for (CatalogEntry.Session s : sessions) {
            maxListeners = maxListeners == null || s.maxListeners() == null ? null : maxListeners + s.maxListeners();
        }
        return new CatalogEntry(stationId, name, genres, description, homepage, primary.listenUrl(),
                sessions.stream().map(CatalogEntry.Session::listenUrl).toList(), primary.contentType(), primary.codec(),
                codecs, primary.bitrate(), primary.samplerate(), primary.channels(), currentSong, listeners, maxListeners,
                https, language, country, logoUrl, liveSince, sessions, origin, originUrl);
    }
}
