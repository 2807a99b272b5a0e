package org.ondes.catalog;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.streams.LiveStation;
import org.ondes.streams.Streams;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Applies projections transactionally: snapshot from streams, then upsert or delete catalog rows. */
@Singleton
class CatalogWriter {
    record Song(UUID stationId, String song, Instant at) {
    }

    private final Streams streams;
    private final CatalogStore store;

    CatalogWriter(Streams streams, CatalogStore store) {
        this.streams = streams;
        this.store = store;
    }

    /**
     * Re-projects these stations from the current streams state; returns how many are live. Always its own
     * transaction: it also runs from after-commit callbacks of the transaction that changed the streams.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int project(Collection<UUID> stationIds) {
        if (stationIds.isEmpty()) {
            return 0;
        }
        store.lock(stationIds);
        List<LiveStation> live = streams.liveStations(stationIds);
        Set<UUID> gone = new HashSet<>(stationIds);
        live.forEach(s -> gone.remove(s.id()));
        Set<UUID> changed = store.upsert(live.stream().map(Projected::of).toList());
        store.checked(live.stream().map(LiveStation::id).filter(id -> !changed.contains(id)).toList());
        int deleted = store.delete(gone);
        if (!changed.isEmpty() || deleted > 0) {
            store.bumpVersion(stationIds);
        }
        return live.size();
    }

    /** Records now-playing titles (in the order they were played); returns how many were new. */
    @Transactional
    int songs(List<Song> songs) {
        int added = store.addSongs(songs);
        store.bumpVersion();
        return added;
    }

    /** Drops change-log rows older than {@code keep} (instances further behind reload their search index). */
    @Transactional
    int pruneChanges(java.time.Duration keep) {
        return store.pruneChanges(keep);
    }

    @Transactional
    Set<UUID> catalogIds() {
        return store.stationIds();
    }

    @Transactional
    List<UUID> stalest(int limit) {
        return store.stalest(limit);
    }
}
