package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A station on the moderation page.
 *
 * @param live              it has a listed live session (listeners see it unless it is hidden)
 * @param hiddenByOwner     its owner hid it from the catalog
 * @param hiddenByModerator set while a moderator keeps it hidden
 * @param origin            for a station listed from another instance: that instance (host[:port]); it has no owner
 */
@Serdeable
public record ModeratedStationView(UUID id, String name, @Nullable String owner, boolean live, boolean hiddenByOwner,
                                   @Nullable Hide hiddenByModerator, Instant createdAt,
                                   @Nullable String origin) {
    @Serdeable
    public record Hide(String reason, Instant hiddenAt, @Nullable String hiddenBy) {
    }

    @Serdeable
    public record Page(List<ModeratedStationView> items, long total) {
    }
}
