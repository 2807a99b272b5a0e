package org.ondes.accounts;

import org.ondes.web.ProblemException;

import java.util.Locale;

/**
 * What an account may do. Every account can stream; moderators also hide stations and suspend users; admins also
 * manage roles. Each role includes the ones below it ({@link #atLeast}). The wire and database name is the lower-case
 * name, which is also the role name in the authentication ({@code @Secured("moderator")}).
 */
public enum Role {
    USER, MODERATOR, ADMIN;

    public static final String MODERATOR_NAME = "moderator";
    public static final String ADMIN_NAME = "admin";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** Parses a wire name; refusals name {@code field}. */
    public static Role parse(String wire, String field) {
        if (wire != null) {
            for (Role r : values()) {
                if (r.wire().equals(wire)) {
                    return r;
                }
            }
        }
        throw ProblemException.badRequest(field, "must be one of user, moderator, admin");
    }

    /** Reads a stored or authenticated role name; anything unknown counts as the least privileged. */
    public static Role of(String wire) {
        for (Role r : values()) {
            if (r.wire().equals(wire)) {
                return r;
            }
        }
        return USER;
    }
}
