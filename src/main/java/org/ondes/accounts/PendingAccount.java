package org.ondes.accounts;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An account waiting for a moderator's approval (approval mode): who, and since when. */
@Serdeable
public record PendingAccount(long id, String username, Instant createdAt) {
}
