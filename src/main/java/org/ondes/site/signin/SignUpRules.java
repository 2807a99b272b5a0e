package org.ondes.site.signin;

import io.micronaut.core.annotation.Nullable;
import org.ondes.accounts.InviteState;
import org.ondes.accounts.RegistrationMode;

/**
 * What the sign-up page says and shows under the registration mode: a line about how accounts are made, whether the
 * form is there (invite-only without a usable invitation: no), whether it carries the invitation of the link, and
 * why an invitation from the link cannot be used. Pure; the controller supplies the facts.
 */
final class SignUpRules {
    /**
     * @param intro      the line about the mode, or null (open registration needs none)
     * @param showForm   whether the form is shown
     * @param carryCode  whether the form carries the link's invitation code
     * @param errorCode  the error code for an invitation that cannot be used (the form's messages), or null
     */
    record Outcome(@Nullable String intro, boolean showForm, boolean carryCode, @Nullable String errorCode) {
    }

    static final String FIRST = "This directory has no accounts yet: the first one becomes its admin.";
    static final String APPROVAL = "Moderators approve new accounts on this directory: you can sign in once yours is "
            + "approved.";
    static final String INVITE_ONLY = "This directory takes new accounts by invitation only. If a moderator sent you "
            + "an invitation link, open it to create your account.";
    static final String INVITED = "You were invited: your account can be used as soon as it is created.";

    private SignUpRules() {
    }

    /**
     * @param empty      the instance has no account yet (the first one gets in in every mode)
     * @param codeGiven  the page was opened with an {@code invite} parameter
     * @param state      that invitation's state, or null when the code is malformed or unknown
     */
    static Outcome of(RegistrationMode mode, boolean empty, boolean codeGiven, @Nullable InviteState state) {
        if (empty) {
            return new Outcome(FIRST, true, false, null);
        }
        boolean usable = codeGiven && state == InviteState.ACTIVE;
        String error = !codeGiven || usable ? null : state == null ? "invite_invalid" : "invite_" + state.wire();
        if (usable) {
            return new Outcome(INVITED, true, true, null);
        }
        return switch (mode) {
            case OPEN -> new Outcome(null, true, false, error);
            case APPROVAL -> new Outcome(APPROVAL, true, false, error);
            case INVITE -> new Outcome(INVITE_ONLY, false, false, error);
        };
    }
}
