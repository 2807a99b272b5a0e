package org.ondes.catalog.radiobrowser;

import org.ondes.catalog.CatalogFacet;
import org.ondes.web.ProblemException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * radio-browser's list parameters for tags and codecs: {@code order} (name or stationcount, default name),
 * {@code reverse}, {@code offset}, {@code limit} and {@code hidebroken} (accepted; nothing is broken). The lists are
 * small (at most 1000 entries), so they are ordered and cut here.
 */
final class RbFacets {
    private static final Comparator<RbTag> BY_NAME = Comparator.comparing(RbTag::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RbTag::name);
    private static final Comparator<RbTag> BY_COUNT = Comparator.comparingLong(RbTag::stationcount).thenComparing(BY_NAME);

    private RbFacets() {
    }

    static List<RbTag> list(List<CatalogFacet> facets, RbParameters p) {
        String order = p.text("order", 40);
        Comparator<RbTag> comparator;
        if (order == null || order.toLowerCase(Locale.ROOT).equals("name")) {
            comparator = BY_NAME;
        } else if (order.toLowerCase(Locale.ROOT).equals("stationcount")) {
            comparator = BY_COUNT;
        } else {
            throw ProblemException.badRequest("order", "must be name or stationcount");
        }
        if (p.bool("reverse", false)) {
            comparator = comparator.reversed();
        }
        p.bool("hidebroken");
        long offset = p.number("offset", 0, RbSearch.MAX_OFFSET, 0);
        long limit = p.number("limit", 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        return facets.stream().map(f -> new RbTag(f.name(), f.count())).sorted(comparator).skip(offset).limit(limit).toList();
    }
}
