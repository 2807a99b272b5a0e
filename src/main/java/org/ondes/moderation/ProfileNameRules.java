package org.ondes.moderation;

import jakarta.inject.Singleton;
import org.ondes.streams.DisplayNameRules;

import java.util.Optional;

/**
 * The name ban rules applied to the names owners give their stations: a rename to a name Icecast may not announce is
 * refused with the rule's reason. Only name rules can match (the subject has no host, address or account); a regex
 * that cannot decide in time refuses, as it does for YP adds.
 */
@Singleton
class ProfileNameRules implements DisplayNameRules {
    private final BanCache cache;

    ProfileNameRules(BanCache cache) {
        this.cache = cache;
    }

    @Override
    public Optional<String> refusal(String displayName) {
        return cache.refusal(BanSubject.unowned(null, displayName));
    }
}
