package org.ondes.accounts;

import io.micronaut.http.HttpStatus;
import org.ondes.web.Problem;
import org.ondes.web.ProblemException;

import java.util.List;

/**
 * A sign-up refused by the registration mode or because of its invitation. The API answers it as problem+json (the
 * {@code invite} field named in {@code errors}); the sign-up form turns {@link #code()} into a message.
 */
final class RegistrationRefused extends ProblemException {
    private final String code;

    private RegistrationRefused(HttpStatus status, String title, String detail, String code) {
        super(status, title, detail, List.of(new Problem.FieldError("invite", detail)));
        this.code = code;
    }

    /** The sign-up form's error code ({@link SignInErrors}). */
    String code() {
        return code;
    }

    static RegistrationRefused inviteRequired() {
        return new RegistrationRefused(HttpStatus.FORBIDDEN, "Invitation required",
                "this directory accepts new accounts by invitation only: sign up with the link of an invitation",
                SignInErrors.INVITE_REQUIRED);
    }

    static RegistrationRefused unknownInvite() {
        return new RegistrationRefused(HttpStatus.BAD_REQUEST, "Invalid invitation",
                "this invitation code is not valid: check that the whole link was copied", SignInErrors.INVITE_INVALID);
    }

    static RegistrationRefused unusable(InviteState state) {
        return switch (state) {
            case EXPIRED -> new RegistrationRefused(HttpStatus.GONE, "Invitation expired",
                    "this invitation has expired: ask for a new one", SignInErrors.INVITE_EXPIRED);
            case USED_UP -> new RegistrationRefused(HttpStatus.GONE, "Invitation used up",
                    "this invitation has been used as many times as it allows: ask for a new one",
                    SignInErrors.INVITE_USED_UP);
            case REVOKED -> new RegistrationRefused(HttpStatus.GONE, "Invitation revoked",
                    "this invitation was withdrawn by the directory's moderators", SignInErrors.INVITE_REVOKED);
            case ACTIVE -> throw new IllegalArgumentException("an active invitation is not a refusal");
        };
    }
}
