package org.ondes.catalog;

import jakarta.inject.Singleton;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Catalog capability facade: search over live stations, facets, and the read model's version (for validators). */
@Singleton
public class Catalog {
    static final Duration FACET_TTL = Duration.ofSeconds(5);

    private record Cached(long expiresAtNanos, List<CatalogFacet> facets) {
    }

    private final CatalogReads reads;
    private final SearchIndexSync index;
    private final Semaphore searchTurns;
    private final HistoryStore history;
    private final Streams streams;
    private final Map<String, Cached> facets = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> facetLocks = new ConcurrentHashMap<>();

    Catalog(CatalogReads reads, SearchIndexSync index, HistoryStore history, Streams streams, CatalogSettings settings) {
        this.searchTurns = new Semaphore(settings.effectiveSearchConcurrency(), true);
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
                    entry.orElse(null), history.recentSongs(id), history.listenerHistory(id));
        });
    }

    /**
     * Runs a search over this instance's in-memory index, at most {@link CatalogSettings#effectiveSearchConcurrency()}
     * at once: the YP ingest and PostgreSQL share the same cores, and a flood of searches must leave them room. Waits
     * up to 2 s for a turn, then refuses with a 503.
     */
    public CatalogPage search(StreamQuery query) {
        boolean turn;
        try {
            turn = searchTurns.tryAcquire(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw ProblemException.busy("the directory is busy with other searches; retry in a few seconds");
        }
        try {
            return index.index().search(query);
        } finally {
            searchTurns.release();
        }
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

    /**
     * One recomputation at a time per facet: while it runs, other requests get the previous counts (a few seconds old
     * at most); only the very first request waits. Without this, every request arriving after expiry recomputed.
     */
    List<CatalogFacet> facet(String column) {
        Cached c = facets.get(column);
        if (c != null && System.nanoTime() - c.expiresAtNanos() < 0) {
            return c.facets();
        }
        ReentrantLock lock = facetLocks.computeIfAbsent(column, k -> new ReentrantLock());
        if (c == null) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return c.facets(); // someone is recomputing: serve the previous counts meanwhile
        }
        try {
            Cached again = facets.get(column);
            return again != null && again != c ? again.facets() : recompute(column);
        } finally {
            lock.unlock();
        }
    }

    private List<CatalogFacet> recompute(String column) {
        List<CatalogFacet> fresh = reads.facet(column);
        facets.put(column, new Cached(System.nanoTime() + FACET_TTL.toNanos(), fresh));
        return fresh;
    }
}
