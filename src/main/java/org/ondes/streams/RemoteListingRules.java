package org.ondes.streams;

import java.util.Optional;

/**
 * Rules a remote live stream must pass before it enters the catalog: moderation's ban rules implement this (names,
 * listen-URL hosts), so that what a YP add may not announce cannot come in from another instance either.
 */
public interface RemoteListingRules {
    /** Why this listing is refused (for the log), or empty when it may be listed. */
    Optional<String> refusal(RemoteListing listing);
}
