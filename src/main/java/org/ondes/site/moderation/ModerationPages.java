package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.moderation.BanRuleView;
import org.ondes.moderation.ModeratedStationView;
import org.ondes.moderation.ModeratedUserView;
import org.ondes.moderation.ReportReason;
import org.ondes.moderation.ReportView;
import org.ondes.site.Formats;
import org.ondes.site.PageMeta;

import java.util.List;
import java.util.Map;

/** Builds the {@link ModerationPage} from the moderation facades' lists. */
final class ModerationPages {
    static final int PAGE_SIZE = 50;

    /** What a moderator is told after an action worked ({@code ?done=…}); unknown codes say nothing. */
    static final Map<String, String> DONE = Map.of(
            "hidden", "The station is hidden from every public list. Its owner sees your reason.",
            "unhidden", "The station is public again (unless its owner hides it).",
            "suspended", "The account is suspended: its browser sessions ended, its YP tokens are refused and its streams left the list.",
            "unsuspended", "The account is active again. Its streams return when its Icecast announces them.",
            "banned", "The rule is in force: matching YP adds are refused with your reason, and matching live streams ended.",
            "unbanned", "The rule is deleted. What it refused is accepted again when Icecast next announces it.",
            "resolved", "The report is resolved.",
            "dismissed", "The report is dismissed.");

    /** The select box of the new-rule form, and how each kind of rule reads in the list. */
    static final Map<String, String> KINDS = Map.of(
            "host", "Listen-URL host",
            "ip", "Requester address",
            "name", "Stream name",
            "account", "Account");
    private static final List<String> KIND_ORDER = List.of("host", "ip", "name", "account");

    private ModerationPages() {
    }

    /** The lists the page shows; {@code ended} is how many live streams the rule just created ended, if it was one. */
    record Lists(ModeratedStationView.Page all, int offset, ModeratedStationView.Page hidden,
                 ModeratedUserView.Page suspended, BanRuleView.Page bans, ReportView.Page reports) {
    }

    static ModerationPage build(PageMeta meta, Lists l, @Nullable String done, @Nullable Integer ended,
                                ModerationPage.Errors errors, ModerationPage.Typed typed) {
        return build(meta, l, done, ended, errors, typed, AdmissionSection.EMPTY);
    }

    static ModerationPage build(PageMeta meta, Lists l, @Nullable String done, @Nullable Integer ended,
                                ModerationPage.Errors errors, ModerationPage.Typed typed, AdmissionSection admission) {
        List<ModerationPage.StationLine> stations = l.all().items().stream().map(ModerationPages::station).toList();
        int offset = l.offset();
        String older = offset + PAGE_SIZE < l.all().total() ? "/moderation?offset=" + (offset + PAGE_SIZE) + "#stations" : null;
        String newer = offset > 0 ? "/moderation" + (offset - PAGE_SIZE > 0 ? "?offset=" + (offset - PAGE_SIZE) : "") + "#stations" : null;
        String notice = done == null ? null : DONE.getOrDefault(done, AdmissionSections.DONE.get(done));
        if (notice != null && "banned".equals(done) && ended != null) {
            notice += " It ended " + ended + " live stream" + (ended == 1 ? "" : "s") + " now.";
        }
        String kind = typed.banKind().isEmpty() ? "host" : typed.banKind();
        String syntax = typed.banSyntax().isEmpty() ? "glob" : typed.banSyntax();
        return new ModerationPage(meta, stations, l.all().total(), older, newer,
                l.hidden().items().stream().map(ModerationPages::station).toList(), l.hidden().total(),
                l.suspended().items().stream().filter(u -> u.suspension() != null).map(ModerationPages::user).toList(),
                l.suspended().total(), l.bans().items().stream().map(ModerationPages::ban).toList(), l.bans().total(),
                l.reports().items().stream().map(ModerationPages::report).toList(), l.reports().total(), notice, errors,
                typed, KIND_ORDER.stream().map(k -> new ModerationPage.Option(k, KINDS.get(k), k.equals(kind))).toList(),
                List.of(new ModerationPage.Option("glob", "Glob: * and ?, whole name", syntax.equals("glob")),
                        new ModerationPage.Option("regex", "Regular expression, anywhere in the name", syntax.equals("regex"))),
                admission);
    }

    static ModerationPage.StationLine station(ModeratedStationView s) {
        ModeratedStationView.Hide hide = s.hiddenByModerator();
        String status;
        if (hide != null) {
            status = "Hidden by " + (hide.hiddenBy() == null ? "a moderator" : hide.hiddenBy());
        } else if (s.hiddenByOwner()) {
            status = "Unlisted by its owner";
        } else {
            status = s.live() ? "Live" : "Not live";
        }
        return new ModerationPage.StationLine(s.id().toString(), s.name(), byLine(s), s.live(),
                status, hide == null ? "/stations/" + s.id() : null, hide != null, hide == null ? null : hide.reason(),
                hide == null ? null : hide.hiddenBy(), hide == null ? null : hide.hiddenAt().toString(),
                hide == null ? null : Formats.dateTime(hide.hiddenAt()));
    }

    /** Who answers for the station: its owner, or the instance it is listed from. */
    private static String byLine(ModeratedStationView s) {
        if (s.origin() != null) {
            return "the instance " + s.origin();
        }
        return s.owner() == null ? "?" : s.owner();
    }

    static ModerationPage.UserLine user(ModeratedUserView u) {
        ModeratedUserView.Suspension s = u.suspension();
        return new ModerationPage.UserLine(u.username(), u.role(), s.reason(), s.suspendedBy(), s.suspendedAt().toString(),
                Formats.dateTime(s.suspendedAt()));
    }

    static ModerationPage.BanLine ban(BanRuleView b) {
        String rule = KINDS.getOrDefault(b.kind(), b.kind()) + (b.syntax() == null ? "" : " (" + b.syntax() + ")")
                + " " + b.value();
        return new ModerationPage.BanLine(b.id(), b.kind(), rule, b.reason(), b.createdBy(), b.createdAt().toString(),
                Formats.dateTime(b.createdAt()), "/moderation/bans/" + b.id() + "/delete");
    }

    static ModerationPage.ReportLine report(ReportView r) {
        String count = r.openForStation() == 1 ? "1 open report" : r.openForStation() + " open reports";
        return new ModerationPage.ReportLine(r.id(), r.stationId().toString(), r.stationName(),
                "/stations/" + r.stationId(), ReportReason.label(r.reason()), r.text(), count + " for this station",
                r.createdAt().toString(), Formats.dateTime(r.createdAt()), "/moderation/reports/" + r.id());
    }
}
