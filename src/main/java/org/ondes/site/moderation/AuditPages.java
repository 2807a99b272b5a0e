package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.moderation.AuditLog;
import org.ondes.site.Formats;
import org.ondes.site.PageMeta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the {@link AuditPage} from a page of the audit log and the filters it was read with. */
final class AuditPages {
    static final String PATH = "/moderation/audit";
    static final int PAGE_SIZE = 50;

    /** How each kind of logged action reads; a kind without a label shows its wire name. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("hide_station", "Hid a station"),
            Map.entry("unhide_station", "Unhid a station"),
            Map.entry("rollback_profile", "Rolled back a profile change"),
            Map.entry("suspend_account", "Suspended an account"),
            Map.entry("unsuspend_account", "Lifted a suspension"),
            Map.entry("change_role", "Changed a role"),
            Map.entry("create_ban", "Created a ban rule"),
            Map.entry("delete_ban", "Deleted a ban rule"),
            Map.entry("resolve_report", "Resolved a report"),
            Map.entry("dismiss_report", "Dismissed a report"),
            Map.entry("set_registration_mode", "Set the registration mode"),
            Map.entry("create_invite", "Created an invitation"),
            Map.entry("revoke_invite", "Revoked an invitation"),
            Map.entry("approve_account", "Approved an account"),
            Map.entry("reject_account", "Rejected an account"),
            Map.entry("block_domain", "Blocked a domain"),
            Map.entry("unblock_domain", "Unblocked a domain"),
            Map.entry("follow_instance", "Followed an instance"),
            Map.entry("unfollow_instance", "Unfollowed an instance"));

    private AuditPages() {
    }

    /**
     * @param action the action filter (a wire name) or null for all
     * @param actor  the actor filter as typed, or null
     */
    static AuditPage build(PageMeta meta, AuditLog.Page log, List<String> kinds, @Nullable String action,
                           @Nullable String actor, int offset, @Nullable String error) {
        long total = log.total();
        List<ModerationPage.Option> options = new ArrayList<>();
        options.add(new ModerationPage.Option("", "Every action", action == null));
        for (String kind : kinds) {
            options.add(new ModerationPage.Option(kind, label(kind), kind.equals(action)));
        }
        String older = offset + PAGE_SIZE < total ? href(action, actor, offset + PAGE_SIZE) : null;
        String newer = offset > 0 ? href(action, actor, Math.max(0, offset - PAGE_SIZE)) : null;
        String shown = log.items().isEmpty() ? "No entries"
                : "Entries " + (offset + 1) + "–" + (offset + log.items().size()) + " of " + total;
        return new AuditPage(meta, log.items().stream().map(AuditPages::entry).toList(), total, shown, options,
                actor == null ? "" : actor, older, newer, error);
    }

    static AuditPage.EntryLine entry(AuditLog.Entry e) {
        return new AuditPage.EntryLine(e.id(), e.action(), label(e.action()), e.actor(), e.subject(), e.reason(),
                e.detail(), e.stationId() == null ? null : ProfileHistoryPages.path(e.stationId().toString()),
                e.at().toString(), Formats.dateTime(e.at()));
    }

    static String label(String action) {
        return LABELS.getOrDefault(action, action);
    }

    /** The address of a page of the log with these filters. */
    static String href(@Nullable String action, @Nullable String actor, int offset) {
        List<String> query = new ArrayList<>();
        if (action != null) {
            query.add("action=" + URLEncoder.encode(action, StandardCharsets.UTF_8));
        }
        if (actor != null && !actor.isBlank()) {
            query.add("actor=" + URLEncoder.encode(actor.strip(), StandardCharsets.UTF_8));
        }
        if (offset > 0) {
            query.add("offset=" + offset);
        }
        return query.isEmpty() ? PATH : PATH + "?" + String.join("&", query);
    }
}
