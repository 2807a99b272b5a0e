package org.ondes.yp;

import org.ondes.accounts.TokenGrant;
import org.ondes.limits.Decision;
import org.ondes.limits.Waits;

/** Every YPMessage Ondes sends (documented in docs/icecast.md). Icecast logs them; they must say what to fix. */
final class YpMessages {
    static final String ADDED = "Successfully added. Listed once the listen URL passes the directory's check.";
    static final String REMOVED = "Deleted server info.";
    static final String SID_UNKNOWN = "SID does not exist. Check your firewall, your server may be unreachable from outside.";
    static final String NO_ACTION = "No action key provided.";
    static final String MISSING_SID = "Not enough arguments: sid is missing.";
    static final String TOUCH_BUSY = "Touch accepted; the directory is busy and will catch up.";
    static final String TOUCH_DEFERRED = "Touch accepted; the directory is still storing this stream.";
    static final String TOO_LARGE = "Request too large: YP requests are limited to 64 KiB.";
    static final String TOKEN_UNKNOWN = "unknown YP token: check the yp-url in icecast.xml against the URL Ondes gave you";

    private YpMessages() {
    }

    static String addRefused(String reason) {
        return "Add refused. Reason: " + reason;
    }

    /** An add a moderators' ban rule refuses; the rule's reason is meant for the streamer. */
    static String banned(String reason) {
        return "Refused by this directory's moderators: " + reason;
    }

    static String unknownAction(String action) {
        return "Unknown action \"" + action + "\": expected add, touch or remove.";
    }

    static String token(TokenGrant.Status status) {
        return switch (status) {
            case REVOKED -> "this YP token was revoked by its owner; create a new one and update icecast.xml";
            case ACCOUNT_SUSPENDED -> "the account that owns this YP token is suspended by the directory's moderators; "
                    + "its streams are not listed. Contact the directory's operator";
            case NOT_YET_VALID -> "this YP token is not valid yet: its time slot has not started";
            case EXPIRED -> "this YP token's time slot has ended";
            case ACTIVE -> "token is active";
        };
    }

    static String tooManyInvalidTokens(Decision d) {
        return "too many requests with unknown or revoked YP tokens from your address (more than " + d.max() + " "
                + Waits.per(d.window()) + "); the directory ignores them for " + d.retryAfterText()
                + ". Check the yp-url in icecast.xml";
    }

    static String tooManyAdds(Decision d) {
        return "too many adds with this YP token (more than " + d.max() + " " + Waits.per(d.window())
                + "); Icecast will add again by itself later";
    }

    static String tooManyLiveStreams(int max) {
        return "this YP token already has " + max + " live streams, the most the directory allows per token; "
                + "end one first (or ask the directory's operator)";
    }

    /** Why a touch/remove SID did not match a live session of this token. */
    static String sidEnded(String endReason) {
        if (endReason == null) {
            return SID_UNKNOWN;
        }
        return switch (endReason) {
            case "expired" -> "SID does not exist any more: the listing expired because no touch arrived in time. Icecast will add it again.";
            case "removed" -> "SID does not exist any more: the stream was removed.";
            case "replaced" -> "SID does not exist any more: a newer add for the same listen URL replaced it.";
            case "token revoked" -> "SID ended: " + token(TokenGrant.Status.REVOKED) + ".";
            case "account suspended" -> "SID ended: " + token(TokenGrant.Status.ACCOUNT_SUSPENDED) + ".";
            default -> "SID ended: " + endReason + ".";
        };
    }
}
