package org.ondes.site;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The home page: what is live now for the current search, the search form with its choices, and the link to the
 * next page of results.
 *
 * @param error what was wrong with the search (it is then not run), or null
 */
public record HomePage(PageMeta meta, String q, List<StationCard.Chip> genreChips, List<Option> codecs,
                       List<Option> bitrates, List<Option> orders, List<StationCard> cards, long total,
                       String heading, @Nullable String nextHref, @Nullable String error, boolean filtered,
                       List<Hidden> hidden) {

    /** A choice of a select: its value, label, and whether it is the current one. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A parameter the form must carry on unchanged (the selected genres). */
    public record Hidden(String name, String value) {
    }
}
