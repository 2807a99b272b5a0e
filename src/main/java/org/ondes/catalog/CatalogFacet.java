package org.ondes.catalog;

/** A genre or codec with the number of live stations that have it. */
public record CatalogFacet(String name, long count) {
}
