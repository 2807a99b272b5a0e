package org.ondes.site;

import io.micronaut.core.annotation.Nullable;
import org.ondes.moderation.ReportReason;

import java.util.Arrays;
import java.util.List;

/**
 * The station page's "report this station" form: the fixed reasons, what was typed when a report was refused, and
 * how the last report went.
 *
 * @param sent  a report was just received
 * @param error why the last report was refused, or null
 * @param open  the form starts unfolded (after a refusal)
 */
public record ReportForm(String action, List<Choice> reasons, String text, int maxText, boolean sent,
                         @Nullable String error, boolean open) {
    static final int MAX_TEXT = 1000;

    /** One reason: a radio button. */
    public record Choice(String id, String value, String label, boolean checked) {
    }

    static ReportForm blank(String stationHref, boolean sent) {
        return of(stationHref, null, "", sent, null);
    }

    static ReportForm refused(String stationHref, @Nullable String reason, @Nullable String text, String error) {
        return of(stationHref, reason, text == null ? "" : text, false, error);
    }

    private static ReportForm of(String stationHref, @Nullable String reason, String text, boolean sent,
                                 @Nullable String error) {
        List<Choice> choices = Arrays.stream(ReportReason.values())
                .map(r -> new Choice("report-" + r.wire, r.wire, r.label, r.wire.equals(reason))).toList();
        return new ReportForm(stationHref + "/report", choices, text, MAX_TEXT, sent, error, error != null);
    }
}
