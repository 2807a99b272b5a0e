package org.ondes.federation.outbox;

import jakarta.inject.Singleton;
import org.ondes.federation.follows.Followers;

import java.util.Set;
import java.util.UUID;

/**
 * Who gets what a station publishes, as delivery inboxes (shared ones in place of personal ones, each once): every
 * follower of the station gets its Notes; the Audio activities go only to Ondes catalogs, whether they follow the
 * instance actor or the station.
 */
@Singleton
class Recipients {
    private final Followers followers;

    Recipients(Followers followers) {
        this.followers = followers;
    }

    Set<String> ofNotes(UUID stationId) {
        return Followers.inboxes(followers.of(Set.of(stationId.toString())));
    }

    Set<String> ofAudio(UUID stationId) {
        return Followers.inboxes(followers.of(Set.of(Followers.INSTANCE, stationId.toString())).stream()
                .filter(Followers.Follower::ondesCatalog).toList());
    }
}
