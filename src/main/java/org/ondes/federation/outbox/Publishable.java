package org.ondes.federation.outbox;

import org.ondes.streams.StationProfile;
import org.ondes.streams.Streams;

import java.util.Optional;

/**
 * Which stations this instance publishes: only its own public ones. A station hidden by a moderator is not reachable,
 * one its owner unlisted asks to stay out of every list, and one without a handle is a mirror of another instance's
 * station (the origin publishes it; re-publishing would echo it back and forth).
 */
final class Publishable {
    private Publishable() {
    }

    static Optional<StationProfile> profile(Optional<Streams.ReachableStation> station) {
        return station.filter(s -> !s.unlisted() && s.profile().handle() != null
                && s.profile().origin() == null).map(Streams.ReachableStation::profile);
    }
}
