package org.ondes.accounts;

/** The outcome of a password check. {@link Suspended} is only reported to someone who gave the right password. */
public sealed interface SignIn permits SignIn.Accepted, SignIn.Refused, SignIn.Suspended {
    record Accepted(Accounts.Principal principal) implements SignIn {
    }

    record Refused() implements SignIn {
    }

    record Suspended() implements SignIn {
    }
}
