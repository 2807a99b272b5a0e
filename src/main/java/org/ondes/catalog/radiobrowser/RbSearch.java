package org.ondes.catalog.radiobrowser;

import org.ondes.catalog.StreamQuery;
import org.ondes.catalog.StreamQuery.Order;
import org.ondes.web.ProblemException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * radio-browser's station search parameters mapped onto a catalog query (docs/radio-browser.md has the table).
 * Filters on data Ondes does not have (country names, states, language names, geo, extended info) match no station,
 * exactly as the empty fields of the returned station objects say; the result is then empty without a query.
 */
final class RbSearch {
    /** radio-browser's default limit is 100000; Ondes answers at most one catalog page. */
    static final int MAX_LIMIT = StreamQuery.MAX_LIMIT;
    static final int MAX_OFFSET = 1_000_000;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 40;
    static final int MAX_NAME = 200;
    /** bitrateMax at or above this means "no upper limit" (radio-browser's own default is 1000000). */
    static final int NO_BITRATE_LIMIT = 100_000;

    /** Every order radio-browser knows, onto the Ondes order that sorts the same way (or its fallback, name). */
    static final Map<String, Order> ORDERS = Map.ofEntries(
            Map.entry("name", Order.NAME), Map.entry("random", Order.RANDOM), Map.entry("bitrate", Order.BITRATE),
            Map.entry("changetimestamp", Order.LIVE_SINCE), Map.entry("lastchecktime", Order.LIVE_SINCE),
            Map.entry("clickcount", Order.LISTENERS), Map.entry("clicktrend", Order.LISTENERS),
            Map.entry("votes", Order.LISTENERS),
            Map.entry("url", Order.NAME), Map.entry("homepage", Order.NAME), Map.entry("favicon", Order.NAME),
            Map.entry("tags", Order.NAME), Map.entry("country", Order.NAME), Map.entry("state", Order.NAME),
            Map.entry("language", Order.NAME), Map.entry("codec", Order.NAME), Map.entry("lastcheckok", Order.NAME),
            Map.entry("clicktimestamp", Order.NAME));
    private static final Set<String> UNKNOWN_TO_ONDES = Set.of("country", "state", "language");

    private RbSearch() {
    }

    /** The catalog query for these parameters, or empty when no live station can match them. */
    static Optional<StreamQuery> query(RbParameters p) {
        String name = p.text("name", MAX_NAME);
        List<String> tags = tags(p);
        String codecParam = p.text("codec", 40);
        long bitrateMin = p.number("bitrateMin", 0, Integer.MAX_VALUE, 0);
        long bitrateMax = p.number("bitrateMax", 0, Integer.MAX_VALUE, NO_BITRATE_LIMIT);
        String countrycode = p.text("countrycode", 10);
        Boolean https = p.bool("is_https");
        boolean hasGeo = p.bool("has_geo_info", false);
        boolean hasExtended = p.bool("has_extended_info", false);
        p.bool("hidebroken"); // validated only: every Ondes entry is live and checked
        p.bool("nameExact");
        p.bool("tagExact");
        String orderParam = p.text("order", 40);
        Order order = orderParam == null ? Order.NAME : ORDERS.get(orderParam.toLowerCase(Locale.ROOT));
        if (order == null) {
            throw ProblemException.badRequest("order", "must be one of " + String.join(", ", new TreeSet<>(ORDERS.keySet())));
        }
        boolean reverse = p.bool("reverse", false);
        int offset = (int) p.number("offset", 0, MAX_OFFSET, 0);
        int limit = (int) Math.min(p.number("limit", 0, Integer.MAX_VALUE, MAX_LIMIT), MAX_LIMIT);

        String codec = null;
        if (codecParam != null) {
            codec = StreamQuery.CODECS.stream().filter(c -> c.equalsIgnoreCase(codecParam)).findFirst().orElse(null);
        }
        boolean nothing = limit == 0 || (codecParam != null && codec == null) || bitrateMin > bitrateMax
                || (countrycode != null && !countrycode.matches("[A-Za-z]{2}")) || hasGeo || hasExtended
                || UNKNOWN_TO_ONDES.stream().anyMatch(k -> p.text(k, MAX_NAME) != null);
        if (nothing) {
            return Optional.empty();
        }
        String seed = order == Order.RANDOM ? Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000_000)) : null;
        return Optional.of(new StreamQuery(null, name, tags, codec, null, bitrateMin == 0 ? null : (int) bitrateMin,
                bitrateMax >= NO_BITRATE_LIMIT ? null : (int) bitrateMax, null,
                countrycode == null ? null : countrycode.toUpperCase(Locale.ROOT), https, order,
                order.descendingByDefault() != reverse, limit, offset, seed, null));
    }

    /** {@code tag} and every entry of the comma-separated {@code tagList}, lower-cased; all must match. */
    static List<String> tags(RbParameters p) {
        Set<String> tags = new LinkedHashSet<>();
        String tag = p.text("tag", MAX_TAG_LENGTH);
        if (tag != null) {
            tags.add(tag.toLowerCase(Locale.ROOT));
        }
        String list = p.text("tagList", MAX_TAGS * (MAX_TAG_LENGTH + 2));
        if (list != null) {
            for (String t : list.split(",")) {
                String s = t.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (s.codePointCount(0, s.length()) > MAX_TAG_LENGTH) {
                    throw ProblemException.badRequest("tagList", "each tag must be at most " + MAX_TAG_LENGTH + " characters");
                }
                tags.add(s.toLowerCase(Locale.ROOT));
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.badRequest("tagList", "at most " + MAX_TAGS + " tags can be combined");
        }
        return List.copyOf(tags);
    }
}
