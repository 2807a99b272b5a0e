package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.List;

/**
 * The moderation page: hide or unhide a station (by id or address, or from the list of stations), suspend or
 * unsuspend an account, the lists of hidden stations and suspended accounts, and room for the reports and the
 * moderation log that come later.
 *
 * @param stationsError why the last station action was refused (shown in the stations section), or null
 * @param usersError    the same for accounts
 * @param typed         what the top forms held when an action was refused (shown again), else empty
 */
public record ModerationPage(PageMeta meta, List<StationLine> stations, long stationsTotal, @Nullable String olderHref,
                             @Nullable String newerHref, List<StationLine> hidden, long hiddenTotal,
                             List<UserLine> suspended, long suspendedTotal, @Nullable String notice,
                             @Nullable String stationsError, @Nullable String usersError, Typed typed) {

    /**
     * A station as moderators see it.
     *
     * @param status     a short text: live or offline, and who hid it
     * @param publicHref its public page while listeners can see it, else null
     */
    public record StationLine(String id, String name, String owner, boolean live, String status,
                              @Nullable String publicHref, boolean hiddenByModerator, @Nullable String hideReason,
                              @Nullable String hiddenBy, @Nullable String hiddenAtIso, @Nullable String hiddenAtText) {
    }

    public record UserLine(String username, String role, @Nullable String reason, @Nullable String suspendedBy,
                           String suspendedAtIso, String suspendedAtText) {
    }

    /** The values of the "hide by id" and "suspend" forms. */
    public record Typed(String station, String stationReason, String username, String userReason) {
        static final Typed EMPTY = new Typed("", "", "", "");
    }
}
