package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A station as moderation sees it: its effective name, its owner, whether it is live, and who hid it.
 *
 * @param live                    it has a listed live session (public unless hidden)
 * @param hiddenByOwner           the owner hid it from the catalog
 * @param hiddenByModeratorAt     when a moderator hid it (null: not hidden by a moderator)
 * @param hiddenByModeratorReason the moderator's reason
 * @param ownerId                 its owner; null for a remote station (another instance's), which has an
 *                                {@code origin} (host[:port]) instead
 */
public record ModeratedStation(UUID id, String name, @Nullable Long ownerId, boolean live, boolean hiddenByOwner,
                               @Nullable Instant hiddenByModeratorAt, @Nullable String hiddenByModeratorReason,
                               Instant createdAt, @Nullable String origin) {

    /** A station of this instance (it has an owner). */
    public ModeratedStation(UUID id, String name, long ownerId, boolean live, boolean hiddenByOwner,
                            @Nullable Instant hiddenByModeratorAt, @Nullable String hiddenByModeratorReason,
                            Instant createdAt) {
        this(id, name, (Long) ownerId, live, hiddenByOwner, hiddenByModeratorAt, hiddenByModeratorReason, createdAt,
                null);
    }
}
