package org.ondes.site;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/** The minimal player that other sites frame: the station, its live card when on air, a link to its page. */
public record EmbedPage(PageMeta meta, UUID id, String name, @Nullable StationCard live, String stationUrl) {
}
