package org.ondes.accounts;

/**
 * The outcome of a password check. {@link Suspended} and {@link Pending} are only reported to someone who gave the
 * right password.
 */
public sealed interface SignIn permits SignIn.Accepted, SignIn.Refused, SignIn.Suspended, SignIn.Pending {
    record Accepted(Accounts.Principal principal) implements SignIn {
    }

    record Refused() implements SignIn {
    }

    record Suspended() implements SignIn {
    }

    /** The account waits for a moderator's approval (approval mode). */
    record Pending() implements SignIn {
    }
}
