package org.ondes.accounts;

/**
 * Who may create an account, and in which state, under a registration mode. Pure: the facade supplies the facts (is
 * this the instance's first account, did the sign-up bring an invitation that was just taken).
 */
final class RegistrationRules {
    /** What happens to a sign-up. */
    enum Admission {
        /** The account may sign in at once. */
        ACTIVE,
        /** The account is created but waits for a moderator's approval before it can sign in. */
        PENDING,
        /** Refused: this directory takes new accounts by invitation only. */
        INVITE_REQUIRED
    }

    private RegistrationRules() {
    }

    /**
     * The first account of an empty instance (its admin) gets in at once in every mode; an invitation gets in at once
     * in every mode (it skips approval); otherwise the mode decides.
     */
    static Admission admit(RegistrationMode mode, boolean firstAccount, boolean invited) {
        if (firstAccount || invited) {
            return Admission.ACTIVE;
        }
        return switch (mode) {
            case OPEN -> Admission.ACTIVE;
            case APPROVAL -> Admission.PENDING;
            case INVITE -> Admission.INVITE_REQUIRED;
        };
    }
}
