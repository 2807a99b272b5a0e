package org.ondes.accounts;

import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.time.Duration;

/**
 * What a new invitation allows: how many accounts it may create (1 to {@value #MAX_USES}, default 1), how long it is
 * valid (1 hour to {@value #MAX_HOURS} hours, default {@value #DEFAULT_HOURS}, a week) and an optional note for the
 * moderators (plain text, cut at {@value #MAX_NOTE} characters; never shown to the invited person).
 */
public record InviteTerms(int maxUses, Duration validFor, String note) {
    static final int MAX_USES = 1000;
    static final int DEFAULT_HOURS = 168;
    static final int MAX_HOURS = 8760;
    static final int MAX_NOTE = 200;

    /** Checks the requested terms; null means the default. Refusals name the field. */
    public static InviteTerms of(Integer maxUses, Integer expiresInHours, String note) {
        int uses = maxUses == null ? 1 : maxUses;
        if (uses < 1 || uses > MAX_USES) {
            throw ProblemException.badRequest("maxUses", "must be a whole number from 1 to " + MAX_USES);
        }
        int hours = expiresInHours == null ? DEFAULT_HOURS : expiresInHours;
        if (hours < 1 || hours > MAX_HOURS) {
            throw ProblemException.badRequest("expiresInHours", "must be a whole number from 1 to " + MAX_HOURS
                    + " (a year)");
        }
        return new InviteTerms(uses, Duration.ofHours(hours), PlainText.clean(note, MAX_NOTE));
    }
}
