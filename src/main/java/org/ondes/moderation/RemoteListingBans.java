package org.ondes.moderation;

import jakarta.inject.Singleton;
import org.ondes.streams.RemoteListing;
import org.ondes.streams.RemoteListingRules;

import java.util.Optional;

/**
 * The ban rules applied to live streams other instances send: the same check as a YP add (the listen URL's host and
 * the stream name), from memory. Address and account rules cannot match (no requester, no local owner); a name
 * regex that cannot decide in time refuses, as it does for YP adds.
 */
@Singleton
class RemoteListingBans implements RemoteListingRules {
    private final BanCache cache;

    RemoteListingBans(BanCache cache) {
        this.cache = cache;
    }

    @Override
    public Optional<String> refusal(RemoteListing listing) {
        return cache.refusal(BanSubject.unowned(listing.listenUrl().getHost(), listing.name()));
    }
}
