package org.ondes.catalog;

import java.time.Instant;

/** The read model's version, bumped by every projection write: the basis of ETag / Last-Modified. */
public record CatalogVersion(long version, Instant changedAt) {
}
