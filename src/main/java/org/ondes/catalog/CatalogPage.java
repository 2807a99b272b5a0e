package org.ondes.catalog;

import java.util.List;

/** One page of search results: the entries, the number of all matches, and the cursor of the next page (or null). */
public record CatalogPage(List<CatalogEntry> items, long total, String next) {
}
