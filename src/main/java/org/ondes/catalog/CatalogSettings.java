package org.ondes.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Catalog read side (prefix {@code ondes.catalog}), see docs/configuration.md.
 *
 * @param searchCacheSeconds how long a rendered search may still be served after the catalog changed (0 turns the
 *                           search cache off); an unchanged catalog keeps serving it regardless
 * @param searchCacheMb      memory for rendered searches, in MiB of response bodies
 * @param searchConcurrency  searches running at once on this instance (0: two per CPU core, at least 4); others
 *                           wait up to 2 s, then get a 503, so listener traffic cannot starve YP ingest of CPU
 * @param indexStalenessMillis how often the in-memory search index syncs with the catalog in the database, i.e. how
 *                           old a search's view may be (0: sync before every search, for tests)
 */
@ConfigurationProperties("ondes.catalog")
record CatalogSettings(@Bindable(defaultValue = "5") int searchCacheSeconds,
                       @Bindable(defaultValue = "8") int searchCacheMb,
                       @Bindable(defaultValue = "0") int searchConcurrency,
                       @Bindable(defaultValue = "100") int indexStalenessMillis) {

    int effectiveSearchConcurrency() {
        return searchConcurrency > 0 ? searchConcurrency : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }
}
