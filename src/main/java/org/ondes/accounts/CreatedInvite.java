package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A new invitation with its link, {@code <ONDES_PUBLIC_URL>/signup?invite=<code>}: shown only this once. */
@Serdeable
public record CreatedInvite(long id, String url, @Nullable String note, int maxUses, Instant expiresAt) {
}
