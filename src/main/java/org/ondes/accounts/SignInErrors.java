package org.ondes.accounts;

import io.micronaut.http.HttpStatus;
import org.ondes.web.ProblemException;

import java.util.List;

/**
 * The error codes the sign-in and sign-up forms are sent back with ({@code /signin?error=credentials}). Pages show a
 * message per code; the codes are fixed words, never text from the request.
 */
final class SignInErrors {
    /** The form's CSRF token was missing or wrong, or it was posted from another site: reload the form. */
    static final String CSRF = "csrf";
    /** Unknown user name or wrong password (which one is not said). */
    static final String CREDENTIALS = "credentials";
    /** The password was right but the account is suspended. */
    static final String SUSPENDED = "suspended";
    static final String USERNAME_TAKEN = "username_taken";
    static final String INVALID_USERNAME = "invalid_username";
    static final String INVALID_PASSWORD = "invalid_password";
    static final String INVALID_EMAIL = "invalid_email";
    /** Too many failed sign-ins from this address: wait ({@code &retry=} seconds) before the next attempt. */
    static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
    /** Too many accounts created from this address lately ({@code &retry=} seconds). */
    static final String TOO_MANY_SIGNUPS = "too_many_signups";
    /** The password was right but the account waits for a moderator's approval. */
    static final String PENDING = "pending";
    /** Invite-only mode and the sign-up brought no invitation. */
    static final String INVITE_REQUIRED = "invite_required";
    /** The invitation code is malformed or unknown. */
    static final String INVITE_INVALID = "invite_invalid";
    static final String INVITE_EXPIRED = "invite_expired";
    static final String INVITE_USED_UP = "invite_used_up";
    static final String INVITE_REVOKED = "invite_revoked";
    /** The admin setup link is unknown, used or expired. */
    static final String SETUP_LINK_DEAD = "setup_link_dead";
    static final List<String> ALL = List.of(CSRF, CREDENTIALS, SUSPENDED, USERNAME_TAKEN, INVALID_USERNAME,
            INVALID_PASSWORD, INVALID_EMAIL, TOO_MANY_ATTEMPTS, TOO_MANY_SIGNUPS, PENDING, INVITE_REQUIRED,
            INVITE_INVALID, INVITE_EXPIRED, INVITE_USED_UP, INVITE_REVOKED, SETUP_LINK_DEAD);

    private SignInErrors() {
    }

    /** The code for a refused registration. */
    static String of(ProblemException e) {
        if (e instanceof RegistrationRefused refused) {
            return refused.code();
        }
        if (e.status() == HttpStatus.CONFLICT) {
            return USERNAME_TAKEN;
        }
        String field = e.errors() == null || e.errors().isEmpty() ? "username" : e.errors().get(0).name();
        return switch (field) {
            case "password" -> INVALID_PASSWORD;
            case "email" -> INVALID_EMAIL;
            default -> INVALID_USERNAME;
        };
    }
}
