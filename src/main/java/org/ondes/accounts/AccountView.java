package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record AccountView(long id, String username, @Nullable String email, String role, Instant createdAt) {
}
