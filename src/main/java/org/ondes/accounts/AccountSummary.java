package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An account as moderators and admins see it (no e-mail address). */
@Serdeable
public record AccountSummary(long id, String username, String role, Instant createdAt, @Nullable Instant suspendedAt,
                             @Nullable String suspensionReason) {
}
