package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A YP token as its owner sees it after creation: masked, never the secret itself. */
@Serdeable
public record YpTokenView(long id, String label, String maskedYpUrl, Instant createdAt,
                          @Nullable Instant lastUsedAt, @Nullable Instant validFrom, @Nullable Instant validUntil) {
}
