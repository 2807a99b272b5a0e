package org.ondes.site;

import org.ondes.catalog.CatalogFacet;
import org.ondes.catalog.CatalogPage;
import org.ondes.catalog.StreamQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the {@link HomePage} from the search as typed, its results (or the reason it was refused) and the facets. */
final class HomePages {
    static final int MAX_GENRE_CHIPS = 24;
    static final List<String> BITRATES = List.of("64", "96", "128", "192", "256", "320");
    private static final Map<String, String> ORDERS = orders();

    private HomePages() {
    }

    static HomePage build(SearchForm form, CatalogPage results, String error, List<CatalogFacet> genres, Instant now,
                          String absoluteUrl) {
        List<StationCard> cards = results == null ? List.of()
                : results.items().stream().map(e -> StationCards.of(e, now)).toList();
        long total = results == null ? 0 : results.total();
        String heading = error != null ? "Search not understood"
                : (form.filtered() ? matches(total) : (total == 0 ? "Nothing is live right now" : live(total)));
        String next = results == null || results.next() == null ? null : form.href(results.next());
        String description = total == 0 ? "A directory of live Icecast radio streams."
                : live(total) + " on Ondes, a directory of live Icecast radio streams. Listen in your browser or your player.";
        PageMeta meta = PageMeta.of(form.filtered() ? "Search · Ondes" : "Live now · Ondes", description, absoluteUrl, "website");
        List<HomePage.Hidden> hidden = form.genres().stream().map(g -> new HomePage.Hidden("genre", g)).toList();
        return new HomePage(meta, form.q(), genreChips(form, genres), codecs(form), bitrates(form), orders(form), cards,
                total, heading, next, error, form.filtered(), hidden);
    }

    static List<StationCard.Chip> genreChips(SearchForm form, List<CatalogFacet> facets) {
        List<String> names = new ArrayList<>(form.genres());
        for (CatalogFacet f : facets) {
            if (names.size() >= MAX_GENRE_CHIPS + form.genres().size()) {
                break;
            }
            if (!names.contains(f.name())) {
                names.add(f.name());
            }
        }
        return names.stream().map(g -> new StationCard.Chip(g, form.toggleGenre(g), form.hasGenre(g))).toList();
    }

    static List<HomePage.Option> codecs(SearchForm form) {
        List<HomePage.Option> options = new ArrayList<>();
        options.add(new HomePage.Option("", "Any format", form.codec().isEmpty()));
        for (String c : StreamQuery.CODECS) {
            options.add(new HomePage.Option(c, c, c.equalsIgnoreCase(form.codec())));
        }
        return options;
    }

    static List<HomePage.Option> bitrates(SearchForm form) {
        List<HomePage.Option> options = new ArrayList<>();
        options.add(new HomePage.Option("", "Any bitrate", form.bitrateMin().isEmpty()));
        for (String b : BITRATES) {
            options.add(new HomePage.Option(b, "At least " + b + " kbit/s", b.equals(form.bitrateMin())));
        }
        return options;
    }

    static List<HomePage.Option> orders(SearchForm form) {
        String current = form.order().isEmpty() ? (form.q().isEmpty() ? "listeners" : "relevance") : form.order();
        List<HomePage.Option> options = new ArrayList<>();
        ORDERS.forEach((value, label) -> {
            if (!value.equals("relevance") || !form.q().isEmpty() || current.equals("relevance")) {
                options.add(new HomePage.Option(value, label, value.equalsIgnoreCase(current)));
            }
        });
        return options;
    }

    private static Map<String, String> orders() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("relevance", "Best match");
        m.put("listeners", "Most listeners");
        m.put("name", "Name (A to Z)");
        m.put("bitrate", "Highest bitrate");
        m.put("liveSince", "Most recently live");
        m.put("random", "Shuffle");
        return m;
    }

    private static String live(long total) {
        return total == 1 ? "1 station live" : total + " stations live";
    }

    private static String matches(long total) {
        return total == 0 ? "No live station matches" : (total == 1 ? "1 live station matches" : total + " live stations match");
    }
}
