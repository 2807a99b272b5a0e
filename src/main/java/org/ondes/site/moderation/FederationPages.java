package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.federation.follows.Followers;
import org.ondes.moderation.FederationModeration;
import org.ondes.site.Formats;
import org.ondes.site.PageMeta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the {@link FederationPage} from what {@link FederationModeration} lists. */
final class FederationPages {
    static final String PATH = "/moderation/federation";
    static final String FOLLOW = PATH + "/following";
    static final String BLOCK = PATH + "/blocks";
    static final String UNBLOCK = PATH + "/blocks/remove";

    /** What each {@code ?done=} code says. */
    static final Map<String, String> NOTICES = Map.of(
            "followed", "Follow sent. It shows as accepted once the other instance answers.",
            "already_followed", "This instance follows that actor already.",
            "unfollowed", "Unfollowed: the other instance has been told (Undo).",
            "blocked", "Domain blocked: nothing is taken from it or sent to it any more.",
            "unblocked", "Domain unblocked.");

    private static final Pattern AUTHORITY = Pattern.compile("^https?://([^/?#@\\s]+)");
    private static final Map<String, String> STATES = Map.of(
            "pending", "Pending", "accepted", "Accepted", "rejected", "Rejected");

    private FederationPages() {
    }

    static FederationPage build(PageMeta meta, boolean admin, @Nullable String done,
                                List<FederationModeration.FollowView> following,
                                List<FederationModeration.FollowerView> followers, Followers.StationFollows stations,
                                List<FederationModeration.BlockView> blocks, FederationPage.Errors errors,
                                FederationPage.Typed typed) {
        return new FederationPage(meta, admin, done == null ? null : NOTICES.get(done),
                admin ? following.stream().map(FederationPages::follow).toList() : List.of(),
                admin ? followers.stream().map(FederationPages::follower).toList() : List.of(),
                stationFollows(stations), blocks.stream().map(FederationPages::block).toList(), errors, typed);
    }

    static FederationPage.FollowLine follow(FederationModeration.FollowView f) {
        String state = f.state() == null ? "" : f.state();
        return new FederationPage.FollowLine(f.id(), f.target(), f.actor(), host(f.actor()), state,
                STATES.getOrDefault(state, state), f.updatedAt().toString(), Formats.dateTime(f.updatedAt()),
                FOLLOW + "/" + f.id() + "/delete");
    }

    static FederationPage.FollowerLine follower(FederationModeration.FollowerView f) {
        return new FederationPage.FollowerLine(f.actor(), host(f.actor()), f.ondesCatalog(), f.since().toString(),
                Formats.dateTime(f.since()));
    }

    static FederationPage.BlockLine block(FederationModeration.BlockView b) {
        return new FederationPage.BlockLine(b.domain(), b.reason(), b.createdBy(), b.createdAt().toString(),
                Formats.dateTime(b.createdAt()));
    }

    /** "12 follows of stations, from 9 accounts"; "No station has followers yet." */
    static String stationFollows(Followers.StationFollows s) {
        if (s.follows() == 0) {
            return "No station has followers yet.";
        }
        return s.follows() + (s.follows() == 1 ? " follow" : " follows") + " of stations, from " + s.actors()
                + (s.actors() == 1 ? " account." : " accounts.");
    }

    /** The host (and port) of an actor URL, lower-cased, for the lists; the URL itself when it has none. */
    static String host(String actor) {
        Matcher m = AUTHORITY.matcher(actor);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : actor;
    }
}
