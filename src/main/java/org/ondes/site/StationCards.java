package org.ondes.site;

import org.ondes.catalog.CatalogEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link StationCard}s from catalog entries. */
final class StationCards {
    private StationCards() {
    }

    static StationCard of(CatalogEntry e, Instant now) {
        List<StationCard.Chip> genres = e.genres().stream()
                .map(g -> new StationCard.Chip(g, new SearchForm("", List.of(g), "", "", "").href(null), false))
                .toList();
        List<StationCard.Source> sources = new ArrayList<>();
        for (CatalogEntry.Session s : e.sessions()) {
            sources.add(new StationCard.Source(s.id(), s.listenUrl(), s.contentType(),
                    PlaybackTypes.probeType(s.contentType(), s.codec()), Formats.format(s.codec(), s.bitrate()),
                    s.listeners(), Formats.listeners(s.listeners()), s.listenUrl().startsWith("https://")));
        }
        String href = href(e.id());
        return new StationCard(e.id(), e.name(), href, blankToNull(e.currentSong()), genres,
                Formats.format(e.codec(), e.bitrate()), e.listeners(), Formats.listeners(e.listeners()),
                e.liveSince().toString(), Formats.liveFor(e.liveSince(), now), List.copyOf(sources),
                href + "/listen.m3u", href + "/listen.pls", e.origin(), e.origin() == null ? null : WebLinks.http(e.originUrl()));
    }

    static String href(java.util.UUID id) {
        return "/stations/" + id;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
