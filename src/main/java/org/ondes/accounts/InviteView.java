package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * An invitation as moderators see it (never its code). {@code state}: active, revoked, expired or used_up;
 * {@code usedBy}: the accounts created with it, oldest first.
 */
@Serdeable
public record InviteView(long id, @Nullable String note, String createdBy, int maxUses, int uses, String state,
                         Instant expiresAt, Instant createdAt, @Nullable Instant revokedAt, List<String> usedBy) {

    /** A page of invitations and how many there are in all. */
    @Serdeable
    public record Page(List<InviteView> items, long total) {
    }
}
