package org.ondes.moderation;

import org.ondes.web.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Why a listener reports a station: a fixed list (mod_reports.reason), each with the words the pages show. */
public enum ReportReason {
    SPAM("spam", "Spam"),
    BROKEN_STREAM("broken_stream", "Broken stream"),
    ILLEGAL_CONTENT("illegal_content", "Illegal content"),
    ABUSIVE_METADATA("abusive_metadata", "Abusive name, title or description"),
    OTHER("other", "Something else");

    public final String wire;
    public final String label;

    ReportReason(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    static final String CHOICES = Arrays.stream(values()).map(r -> r.wire).collect(Collectors.joining(", "));

    static ReportReason parse(String wire) {
        for (ReportReason r : values()) {
            if (r.wire.equals(wire)) {
                return r;
            }
        }
        throw ProblemException.badRequest("reason", "must be one of " + CHOICES);
    }

    /** The label of a stored wire name (the wire name itself if it is none). */
    public static String label(String wire) {
        for (ReportReason r : values()) {
            if (r.wire.equals(wire)) {
                return r.label;
            }
        }
        return wire;
    }
}
