package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An account as its owner sees it. {@code state}: {@value #ACTIVE} (may sign in) or {@value #PENDING} (waits for a
 * moderator's approval, in approval mode).
 */
@Serdeable
public record AccountView(long id, String username, @Nullable String email, String role, Instant createdAt,
                          String state) {
    public static final String ACTIVE = "active";
    public static final String PENDING = "pending";
}
