package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.List;

/**
 * A station's profile history for moderators ({@code /moderation/stations/{id}/history}): each change with who made
 * it, when, and every field before and after, and a form to roll it back.
 *
 * @param publicHref the station's public page while a moderator does not hide it, else null
 * @param notice     what the last rollback did, or null
 * @param error      why the last rollback was refused, or null
 */
public record ProfileHistoryPage(PageMeta meta, String stationId, String stationName, String owner,
                                 @Nullable String publicHref, List<ChangeLine> changes, long total,
                                 @Nullable String olderHref, @Nullable String newerHref, @Nullable String notice,
                                 @Nullable String error) {

    /**
     * One change.
     *
     * @param what      "Edit by the owner" or "Rollback of change #12"
     * @param restores  what its rollback button does, in words
     * @param action    where the rollback form posts
     */
    public record ChangeLine(long id, String what, String actor, String role, String atIso, String atText,
                             List<FieldLine> fields, String restores, String action) {
    }

    /**
     * One field of a change; a value that is not set reads "Not set (Icecast's value shows)".
     *
     * @param beforeSet the field had an override before the change
     * @param afterSet  the field has an override after it
     */
    public record FieldLine(String field, String label, String before, boolean beforeSet, String after,
                            boolean afterSet) {
    }
}
