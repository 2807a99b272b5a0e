package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.List;

/**
 * The moderation page: hide or unhide a station (by id or address, or from the list of stations), suspend or
 * unsuspend an account, the lists of hidden stations and suspended accounts, the ban rules (create, delete) and the
 * open reports from listeners (resolve, dismiss), and room for the moderation log that comes later.
 *
 * @param errors why the last action was refused, shown in its section
 * @param typed     what the forms held when an action was refused (shown again), else empty
 * @param admission accounts waiting for approval, invitations and the registration mode
 */
public record ModerationPage(PageMeta meta, List<StationLine> stations, long stationsTotal, @Nullable String olderHref,
                             @Nullable String newerHref, List<StationLine> hidden, long hiddenTotal,
                             List<UserLine> suspended, long suspendedTotal, List<BanLine> bans, long bansTotal,
                             List<ReportLine> reports, long reportsTotal, @Nullable String notice, Errors errors,
                             Typed typed, List<Option> banKinds, List<Option> banSyntaxes,
                             AdmissionSection admission) {

    /**
     * A station as moderators see it.
     *
     * @param status     a short text: live or offline, and who hid it
     * @param publicHref its page while its link shows it (listed or unlisted), else null
     */
    public record StationLine(String id, String name, String owner, boolean live, String status,
                              @Nullable String publicHref, boolean hiddenByModerator, @Nullable String hideReason,
                              @Nullable String hiddenBy, @Nullable String hiddenAtIso, @Nullable String hiddenAtText) {
    }

    public record UserLine(String username, String role, @Nullable String reason, @Nullable String suspendedBy,
                           String suspendedAtIso, String suspendedAtText) {
    }

    /** A ban rule: {@code rule} reads like "Listen-URL host *.example.net". */
    public record BanLine(long id, String kind, String rule, String reason, String createdBy, String createdAtIso,
                          String createdAtText, String deleteAction) {
    }

    /**
     * An open report.
     *
     * @param openForStation how many reports of this station are open ("3 open reports")
     * @param action         where its form posts, with {@code decision} resolve or dismiss and an optional note
     */
    public record ReportLine(long id, String stationId, String stationName, String stationHref, String reason,
                             @Nullable String text, String openForStation, String createdAtIso, String createdAtText,
                             String action) {
    }

    /** A choice of a select box. */
    public record Option(String value, String label, boolean selected) {
    }

    /** Each section's refusal message, or null. */
    public record Errors(@Nullable String stations, @Nullable String users, @Nullable String bans,
                         @Nullable String reports) {
        static final Errors NONE = new Errors(null, null, null, null);
    }

    /** The values of the "hide by id", "suspend" and "new ban rule" forms. */
    public record Typed(String station, String stationReason, String username, String userReason, String banKind,
                        String banValue, String banSyntax, String banReason) {
        static final Typed EMPTY = new Typed("", "", "", "", "", "", "", "");
    }
}
