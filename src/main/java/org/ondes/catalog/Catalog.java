package org.ondes.catalog;

import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;
import org.ondes.streams.Streams;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Catalog capability facade: search over live stations, facets, and the read model's version (for validators). */
@Singleton
public class Catalog {
    static final Duration FACET_TTL = Duration.ofSeconds(5);

    private final CatalogReads reads;
    private final SearchIndexSync index;
    private final SearchTurns searchTurns;
    private final HistoryStore history;
    private final Streams streams;
    private final FacetCache facets;

    private final PublicUrls urls;

    Catalog(CatalogReads reads, SearchIndexSync index, HistoryStore history, Streams streams, CatalogSettings settings,
            PublicUrls urls) {
        this.urls = urls;
        this.searchTurns = new SearchTurns(settings.effectiveSearchConcurrency(), Duration.ofSeconds(2));
        this.facets = new FacetCache(FACET_TTL, System::nanoTime, reads::facet);
        this.reads = reads;
        this.index = index;
        this.history = history;
        this.streams = streams;
    }

    /** A station page's data, live or not; empty when no such station ever announced itself, or it is hidden. */
    public Optional<StationDetail> station(UUID id) {
        return streams.profile(id).map(p -> {
            Optional<CatalogEntry> entry = reads.entry(id);
            return new StationDetail(p.id(), p.name(), p.description(), p.homepage(), p.genres(), p.language(),
                    p.country(), p.logoUrl(), entry.isPresent(),
                    entry.orElse(null), history.recentSongs(id), history.listenerHistory(id), false,
                    p.origin() == null ? urls.handle(p.handle()) : null, p.origin() == null ? urls.stationActor(id) : null,
                    p.origin(), p.originUrl());
        });
    }

    /**
     * Runs a search over this instance's in-memory index, at most {@link CatalogSettings#effectiveSearchConcurrency()}
     * at once: the YP ingest and PostgreSQL share the same cores, and a flood of searches must leave them room. Waits
     * up to 2 s for a turn, then refuses with a 503.
     */
    public CatalogPage search(StreamQuery query) {
        return searchTurns.run(() -> index.index().search(query));
    }

    /** The live entries with these station ids, in the order given (duplicates once); ids not live are left out. */
    public List<CatalogEntry> byIds(List<UUID> ids) {
        return index.index().byIds(ids);
    }

    /** The catalog's version as stored (one small query). */
    public CatalogVersion version() {
        return reads.version();
    }

    /** The version the search index is at: the version of what {@link #search} answers (no query when in step). */
    public CatalogVersion searchVersion() {
        return index.index().catalogVersion();
    }

    /** Live-station counts per genre or codec, recomputed at most every {@link #FACET_TTL} per instance. */
    public List<CatalogFacet> genres() {
        return facet("genres");
    }

    public List<CatalogFacet> codecs() {
        return facet("codecs");
    }

    List<CatalogFacet> facet(String column) {
        return facets.get(column);
    }
}
