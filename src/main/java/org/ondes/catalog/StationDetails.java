package org.ondes.catalog;

import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;
import org.ondes.streams.Streams;
import org.ondes.streams.UnlistedStation;

import java.util.Optional;
import java.util.UUID;

/**
 * A station page's data for whoever has its link: a listed station from the catalog ({@link Catalog#station}), or an
 * unlisted one, which the catalog leaves out, straight from the streams capability. A station hidden by a moderator
 * has none. Used by the station page, its embed and {@code GET /api/v1/stations/{id}}.
 */
@Singleton
public class StationDetails {
    private final Catalog catalog;
    private final Streams streams;
    private final HistoryStore history;
    private final PublicUrls urls;

    StationDetails(Catalog catalog, Streams streams, HistoryStore history, PublicUrls urls) {
        this.catalog = catalog;
        this.streams = streams;
        this.history = history;
        this.urls = urls;
    }

    public Optional<StationDetail> find(UUID id) {
        Optional<StationDetail> listed = catalog.station(id);
        return listed.isPresent() ? listed : streams.unlisted(id).map(this::unlisted);
    }

    private StationDetail unlisted(UnlistedStation u) {
        var p = u.profile();
        CatalogEntry entry = u.live() == null ? null : Projected.of(u.live()).entry();
        return new StationDetail(p.id(), p.name(), p.description(), p.homepage(), p.genres(), p.language(), p.country(),
                p.logoUrl(), entry != null, entry, history.recentSongs(p.id()), history.listenerHistory(p.id()), true,
                urls.handle(p.handle()), urls.stationActor(p.id()), null, null);
    }
}
