package org.ondes.yp;

import org.ondes.limits.Decision;
import org.ondes.limits.Limit;
import org.ondes.limits.Limits;
import org.ondes.streams.Streams;

import java.net.URI;
import java.util.Optional;

/**
 * The YP endpoint's anti-abuse limits. Touches of known tokens are never limited (they come every TouchFreq and are
 * the hot path). Per client address: requests with an unusable token (unknown, revoked, suspended, outside its slot)
 * are counted, and once there are too many, requests whose token is not already known to be good are refused before
 * the token is looked up. Per token: adds per minute, and live streams at add time.
 */
final class YpGuard {
    private final Limits limits;
    private final Streams streams;

    YpGuard(Limits limits, Streams streams) {
        this.limits = limits;
        this.streams = streams;
    }

    /** Before a token is looked up in the database: a refusal when this address sent too many unusable tokens lately. */
    Optional<YpReply> refuseAddress(Requester who, boolean add) {
        Decision d = limits.peek(Limit.YP_INVALID_TOKENS, who.client().limitKey());
        if (d.allowed()) {
            return Optional.empty();
        }
        String reason = YpMessages.tooManyInvalidTokens(d);
        return Optional.of(refused(add ? YpMessages.addRefused(reason) : reason, d));
    }

    /** Counts a request whose token turned out unknown or unusable. */
    void invalidToken(Requester who) {
        limits.acquire(Limit.YP_INVALID_TOKENS, who.client().limitKey());
    }

    /** An add with an active token: refused when the token added too often lately or has too many live streams. */
    Optional<YpReply> refuseAdd(long tokenId, URI listenUrl) {
        Decision adds = limits.acquire(Limit.YP_ADDS, Long.toString(tokenId));
        if (!adds.allowed()) {
            return Optional.of(refused(YpMessages.addRefused(YpMessages.tooManyAdds(adds)), adds));
        }
        int max = limits.settings().ypLiveSessions();
        if (max > 0 && streams.liveSessionsOfToken(tokenId, listenUrl) >= max) {
            return Optional.of(YpReply.refused(YpMessages.addRefused(YpMessages.tooManyLiveStreams(max))));
        }
        return Optional.empty();
    }

    private static YpReply refused(String message, Decision d) {
        return YpReply.refused(message, (int) Math.min(Integer.MAX_VALUE, Math.max(30, d.retryAfterSeconds())));
    }
}
