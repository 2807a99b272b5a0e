package org.ondes.catalog;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.ondes.streams.events.StationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Re-projects a station at once when its profile or visibility changes (an owner's edit, a moderator's hide), in the
 * publishing thread after the commit, so the request that made the change returns only once the catalog shows it.
 * A failure leaves the station to the projection's next pass.
 */
@Singleton
class StationChangeListener implements ApplicationEventListener<StationChanged> {
    private static final Logger LOG = LoggerFactory.getLogger(StationChangeListener.class);
    private final CatalogWriter writer;
    private final CatalogProjection projection;

    StationChangeListener(CatalogWriter writer, CatalogProjection projection) {
        this.writer = writer;
        this.projection = projection;
    }

    @Override
    public void onApplicationEvent(StationChanged event) {
        try {
            writer.project(List.of(event.stationId()));
        } catch (RuntimeException e) {
            LOG.warn("Catalog update for station {} deferred: {}", event.stationId(), e.toString());
            projection.markDirty(List.of(event.stationId()));
        }
    }
}
