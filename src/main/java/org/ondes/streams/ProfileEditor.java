package org.ondes.streams;

import io.micronaut.security.authentication.Authentication;
import org.ondes.web.CurrentAccount;

import java.util.Collection;

/**
 * Who changes a station's profile, as the profile history records it: the account, its user name and its role (wire
 * name: user, moderator or admin) at the time of the change.
 */
public record ProfileEditor(long accountId, String username, String role) {
    public static final String USER = "user";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    /** The signed-in account of a request, with its highest role. */
    public static ProfileEditor of(Authentication auth) {
        return new ProfileEditor(CurrentAccount.id(auth), auth.getName(), highest(auth.getRoles()));
    }

    static String highest(Collection<String> roles) {
        if (roles.contains(ADMIN)) {
            return ADMIN;
        }
        return roles.contains(MODERATOR) ? MODERATOR : USER;
    }
}
