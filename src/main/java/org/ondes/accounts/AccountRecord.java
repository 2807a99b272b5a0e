package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("accounts")
record AccountRecord(@Id @GeneratedValue @Nullable Long id,
                     String username,
                     @Nullable String email,
                     String passwordHash,
                     String role,
                     @Nullable Instant suspendedAt,
                     @DateCreated @Nullable Instant createdAt,
                     @Nullable Instant pendingSince,
                     @Nullable Long inviteId,
                     @Nullable Long invitedBy) {
}
