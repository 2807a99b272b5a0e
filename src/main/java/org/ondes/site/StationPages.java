package org.ondes.site;

import org.ondes.catalog.StationDetail;

import java.time.Instant;
import java.util.List;

/** Builds the {@link StationPage} and the {@link EmbedPage} from a station's catalog data. */
final class StationPages {
    static final int RECENT_SONGS = 10;

    private StationPages() {
    }

    /**
     * @param absolute turns a path of this instance into an absolute URL ({@code PublicUrls.of})
     */
    static StationPage page(StationDetail d, Instant now, java.util.function.UnaryOperator<String> absolute) {
        return page(d, now, absolute, ReportForm.blank(StationCards.href(d.id()), false), true);
    }

    /**
     * As {@link #page(StationDetail, Instant, java.util.function.UnaryOperator)} with the report form's state.
     *
     * @param federation whether this instance speaks ActivityPub: only then is the station's handle shown (a remote
     *                   station, which has no handle here, never shows one)
     */
    static StationPage page(StationDetail d, Instant now, java.util.function.UnaryOperator<String> absolute,
                            ReportForm report, boolean federation) {
        String href = StationCards.href(d.id());
        StationCard live = d.live() && d.entry() != null ? StationCards.of(d.entry(), now) : null;
        List<StationCard.Chip> genres = d.genres().stream()
                .map(g -> new StationCard.Chip(g, new SearchForm("", List.of(g), "", "", "").href(null), false)).toList();
        List<StationPage.SongLine> songs = d.recentSongs().stream().limit(RECENT_SONGS)
                .map(s -> new StationPage.SongLine(s.song(), s.startedAt().toString(), Formats.time(s.startedAt())))
                .toList();
        String embedUrl = absolute.apply(href + "/embed");
        String description = d.description() != null && !d.description().isBlank() ? d.description()
                : (live != null ? d.name() + " is live on Ondes." : d.name() + " on Ondes, a directory of live Icecast radio streams.");
        PageMeta meta = PageMeta.of(d.name() + " · Ondes", description, absolute.apply(href), "music.radio_station");
        return new StationPage(d.unlisted() ? meta.noindex() : meta, d.id(), d.name(), blankToNull(d.description()),
                webLink(d.homepage()), genres, live, songs, Sparkline.of(d.listenerHistory(), now), embedUrl,
                snippet(embedUrl, d.name()), href + "/listen.xspf", federation ? blankToNull(d.handle()) : null,
                d.unlisted(), report, d.origin(), d.origin() == null ? null : WebLinks.http(d.originUrl()));
    }

    static EmbedPage embed(StationDetail d, Instant now, java.util.function.UnaryOperator<String> absolute) {
        String href = StationCards.href(d.id());
        StationCard live = d.live() && d.entry() != null ? StationCards.of(d.entry(), now) : null;
        PageMeta meta = PageMeta.of(d.name() + " · Ondes player", d.name() + " on Ondes.", absolute.apply(href + "/embed"), "website");
        return new EmbedPage(meta, d.id(), d.name(), live, absolute.apply(href));
    }

    /** The {@code <iframe>} to paste into another site; the title names the station for screen readers. */
    static String snippet(String embedUrl, String name) {
        return "<iframe src=\"" + attribute(embedUrl) + "\" title=\"" + attribute(name + " on Ondes")
                + "\" width=\"100%\" height=\"128\" loading=\"lazy\"></iframe>";
    }

    /** The station's web site if it is an absolute http(s) URL; anything else (javascript:, data: …) is not linked. */
    static String webLink(String url) {
        return WebLinks.http(url);
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
