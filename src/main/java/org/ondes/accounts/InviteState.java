package org.ondes.accounts;

import java.time.Instant;
import java.util.Locale;

/**
 * Whether an invitation can still create an account, and if not, why. A revoked invitation says so even when it has
 * also expired or been used up (the moderator's decision is what the holder should hear).
 */
public enum InviteState {
    ACTIVE, REVOKED, EXPIRED, USED_UP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InviteState of(boolean revoked, Instant expiresAt, int uses, int maxUses, Instant now) {
        if (revoked) {
            return REVOKED;
        }
        if (!expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        if (uses >= maxUses) {
            return USED_UP;
        }
        return ACTIVE;
    }
}
