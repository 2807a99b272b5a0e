package org.ondes.yp;

import org.ondes.limits.Decision;
import org.ondes.limits.Limit;
import org.ondes.limits.Limits;

import java.util.Optional;

/**
 * The YP endpoint's anti-abuse limits. Touches of known tokens are never limited (they come every TouchFreq and are
 * the hot path). Per client address: requests with an unusable token (unknown, revoked, suspended, outside its slot)
 * are counted, and once there are too many, requests whose token is not already known to be good are refused before
 * the token is looked up. Per token: adds per minute, and live streams at add time (counted by
 * the add itself under a per-token lock).
 */
final class YpGuard {
    private final Limits limits;

    YpGuard(Limits limits) {
        this.limits = limits;
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

    /** An add with an active token: refused when the token added too often lately. */
    Optional<YpReply> refuseAdd(long tokenId) {
        Decision adds = limits.acquire(Limit.YP_ADDS, Long.toString(tokenId));
        if (!adds.allowed()) {
            return Optional.of(refused(YpMessages.addRefused(YpMessages.tooManyAdds(adds)), adds));
        }
        return Optional.empty();
    }

    /** The most live streams one token may have (0: no limit); checked by the add itself, atomically. */
    int maxLiveSessions() {
        return limits.settings().ypLiveSessions();
    }

    /** The reply to an add refused because its token has {@link #maxLiveSessions()} live streams already. */
    YpReply tooManyLiveStreams() {
        return YpReply.refused(YpMessages.addRefused(YpMessages.tooManyLiveStreams(maxLiveSessions())));
    }

    private static YpReply refused(String message, Decision d) {
        return YpReply.refused(message, (int) Math.min(Integer.MAX_VALUE, Math.max(30, d.retryAfterSeconds())));
    }
}
