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
    static final List<String> ALL = List.of(CSRF, CREDENTIALS, SUSPENDED, USERNAME_TAKEN, INVALID_USERNAME,
            INVALID_PASSWORD, INVALID_EMAIL, TOO_MANY_ATTEMPTS, TOO_MANY_SIGNUPS);

    private SignInErrors() {
    }

    /** The code for a refused registration. */
    static String of(ProblemException e) {
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
