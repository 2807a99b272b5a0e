package org.ondes.web;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.HttpStatus;

/** Reads the account id that the authentication (a bearer token or a browser session) carries. */
public final class CurrentAccount {
    public static final String ACCOUNT_ID = "accountId";

    private CurrentAccount() {
    }

    public static long id(Authentication authentication) {
        Object id = authentication == null ? null : authentication.getAttributes().get(ACCOUNT_ID);
        if (id instanceof Number n) {
            return n.longValue();
        }
        if (id instanceof String s && s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", "the login token does not name an account; sign in again");
    }
}
