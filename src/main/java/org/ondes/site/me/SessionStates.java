package org.ondes.site.me;

import io.micronaut.core.annotation.Nullable;
import org.ondes.moderation.Bans;
import org.ondes.streams.StationView;

import java.util.Map;

/**
 * How a session of one's own station reads on the stations page: one state word (also the {@code data-state} the
 * page's script and tests look at), a label, and why. A station hidden by a moderator (or unlisted by its owner) is
 * not in the lists whatever its sessions' checks say, so that comes first for live sessions; ended sessions say why
 * they ended, a moderators' ban rule with its reason.
 */
final class SessionStates {
    static final String PENDING = "pending";
    static final String LISTED = "listed";
    static final String UNREACHABLE = "unreachable";
    static final String HIDDEN = "hidden";
    static final String UNLISTED = "unlisted";
    static final String BANNED = "banned";
    static final String EXPIRED = "expired";
    static final String ENDED = "ended";

    /** A session's state as shown: {@code state} is one of the constants above; {@code reason} may be null. */
    record Shown(String state, String label, @Nullable String reason) {
    }

    private static final Map<String, String> END_REASONS = Map.of(
            "removed", "Icecast removed it: its source stopped.",
            "replaced", "Icecast announced the same listen URL again; the newer session took its place.",
            "token revoked", "The YP token it was announced with was revoked.",
            "account suspended", "The account was suspended.");

    private SessionStates() {
    }

    static Shown of(StationView station, StationView.Session session) {
        if (ENDED.equals(session.state())) {
            if (EXPIRED.equals(session.endReason())) {
                return new Shown(EXPIRED, "Expired",
                        "Icecast stopped touching it, so it left the list. It comes back when Icecast announces it again.");
            }
            String end = session.endReason();
            if (end != null && end.startsWith(Bans.END_REASON_PREFIX)) {
                return new Shown(BANNED, "Refused by the moderators", end.substring(Bans.END_REASON_PREFIX.length()));
            }
            String reason = end == null ? null : END_REASONS.getOrDefault(end, end);
            return new Shown(ENDED, "Ended", reason);
        }
        if (station.hiddenByModerator() != null) {
            return new Shown(HIDDEN, "Hidden by a moderator", station.hiddenByModerator().reason());
        }
        if (station.hidden()) {
            if (LISTED.equals(session.state())) {
                return new Shown(UNLISTED, "Unlisted", "It plays for whoever has the station's link; it is in no list,"
                        + " search or feed, as you chose in this station's profile.");
            }
        }
        return switch (session.state()) {
            case LISTED -> new Shown(LISTED, "Listed", "Listeners see it and can play it.");
            case UNREACHABLE -> new Shown(UNREACHABLE, "Unreachable", session.stateReason());
            case PENDING -> new Shown(PENDING, "Pending", session.stateReason() != null ? session.stateReason()
                    : "Ondes is checking that the listen URL plays. This takes a few seconds.");
            default -> new Shown(session.state(), session.state(), session.stateReason());
        };
    }
}
