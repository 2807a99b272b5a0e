package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** An account on the moderation page; {@code suspension} is set while it is suspended. */
@Serdeable
public record ModeratedUserView(String username, String role, Instant createdAt, @Nullable Suspension suspension) {
    @Serdeable
    public record Suspension(@Nullable String reason, Instant suspendedAt, @Nullable String suspendedBy) {
    }

    @Serdeable
    public record Page(List<ModeratedUserView> items, long total) {
    }
}
