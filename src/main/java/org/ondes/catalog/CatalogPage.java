package org.ondes.catalog;

import java.util.List;

/**
 * One page of search results: the entries, the number of all matches, and the cursor of the next page (or null).
 * {@code itemsJson} holds each entry already rendered as JSON when the source keeps it so (the search index renders an
 * entry once per change, not once per response), else null.
 */
public record CatalogPage(List<CatalogEntry> items, long total, String next, List<byte[]> itemsJson) {
    public CatalogPage(List<CatalogEntry> items, long total, String next) {
        this(items, total, next, null);
    }
}
