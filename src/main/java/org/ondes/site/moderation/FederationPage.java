package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.List;

/**
 * The federation page ({@code /moderation/federation}): whom this instance follows (admins: follow, unfollow), who
 * follows it, and the blocked domains (moderators and admins: block, unblock).
 *
 * @param admin            whether the viewer may follow and unfollow (only admins see those parts)
 * @param notice           what the last action did, or null
 * @param stationFollows   how many follows the stations have from the fediverse ("12 follows of stations from 9
 *                         accounts")
 * @param errors           why the last action was refused, in its section
 * @param typed            what the forms held when an action was refused (shown again), else empty
 */
public record FederationPage(PageMeta meta, boolean admin, @Nullable String notice, List<FollowLine> following,
                             List<FollowerLine> followers, String stationFollows, List<BlockLine> blocks,
                             Errors errors, Typed typed) {

    /**
     * One of this instance's follows of another server.
     *
     * @param target    what the admin typed
     * @param host      the followed actor's host (and port), as the list shows it
     * @param state     {@code pending}, {@code accepted} or {@code rejected}
     * @param stateText how the state reads ("Accepted")
     * @param sinceIso  when it last changed state (or was asked for)
     * @param action    where its Unfollow form posts
     */
    public record FollowLine(long id, String target, String actor, String host, String state, String stateText,
                             String sinceIso, String sinceText, String action) {
    }

    /** A server following the instance actor; {@code catalog} when it is an Ondes catalog that takes our streams. */
    public record FollowerLine(String actor, String host, boolean catalog, String sinceIso, String sinceText) {
    }

    public record BlockLine(String domain, String reason, String createdBy, String createdAtIso, String createdAtText) {
    }

    /** Each section's refusal message, or null. */
    public record Errors(@Nullable String following, @Nullable String blocks) {
        static final Errors NONE = new Errors(null, null);
    }

    /** The values of the follow and block forms. */
    public record Typed(String target, String domain, String reason) {
        static final Typed EMPTY = new Typed("", "", "");
    }
}
