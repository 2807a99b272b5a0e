package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.limits.ClientAddress;

/**
 * What ban rules are checked against: a YP add, or a live session.
 *
 * @param listenHost the listen URL's host as {@code URI.getHost()} gives it (IPv6 in brackets), or null
 * @param requester  the YP requester's address, or null when unknown
 * @param name       the stream name Icecast announced
 * @param accountId  the account that owns the YP token (the station's owner)
 */
public record BanSubject(@Nullable String listenHost, @Nullable ClientAddress requester, @Nullable String name,
                         long accountId) {
    /** No account has id 0 (ids start at 1): account rules never match a subject without an owner here. */
    static final long NO_ACCOUNT = 0;

    /** A subject without requester or local owner (a remote stream, a bare name): only host and name rules apply. */
    static BanSubject unowned(@Nullable String listenHost, @Nullable String name) {
        return new BanSubject(listenHost, null, name, NO_ACCOUNT);
    }
}
