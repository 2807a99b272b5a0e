package org.ondes.streams;

import java.util.Optional;

/**
 * Rules on the names owners give their stations, beyond the profile's own checks: moderation's name ban rules
 * implement this, so that a name Icecast may not announce cannot come in through a rename either. Streams asks every
 * such bean before an owner's edit is written.
 */
public interface DisplayNameRules {
    /** Why this display name is refused (a reason for the owner), or empty when it may be used. */
    Optional<String> refusal(String displayName);
}
