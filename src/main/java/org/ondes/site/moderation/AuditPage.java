package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.List;

/**
 * The audit log for admins ({@code /moderation/audit}): every moderation and admin action, newest first, filtered by
 * kind of action and by actor, a page at a time.
 *
 * @param actor  the actor filter as typed
 * @param shown  "Entries 1–50 of 120", or "No entries" for an empty result
 * @param error  why the filter was refused, or null
 */
public record AuditPage(PageMeta meta, List<EntryLine> entries, long total, String shown,
                        List<ModerationPage.Option> actions, String actor, @Nullable String olderHref,
                        @Nullable String newerHref, @Nullable String error) {

    /**
     * One logged action.
     *
     * @param action      how the action reads ("Hid a station")
     * @param historyHref the profile history of the station it concerns, or null
     */
    public record EntryLine(long id, String actionWire, String action, String actor, String subject,
                            @Nullable String reason, @Nullable String detail, @Nullable String historyHref,
                            String atIso, String atText) {
    }
}
