package org.ondes.accounts;

import org.ondes.web.ProblemException;

import java.util.Locale;

/**
 * How new accounts get in: {@link #OPEN} (anyone signs up), {@link #APPROVAL} (a moderator approves each new account
 * before it can sign in) or {@link #INVITE} (only with an invitation from a moderator or admin). An admin sets it; it
 * is stored in the database, so every instance on it uses the same mode. The wire name is the lower-case name.
 */
public enum RegistrationMode {
    OPEN, APPROVAL, INVITE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; refusals name {@code field}. */
    public static RegistrationMode parse(String wire, String field) {
        if (wire != null) {
            for (RegistrationMode m : values()) {
                if (m.wire().equals(wire.strip())) {
                    return m;
                }
            }
        }
        throw ProblemException.badRequest(field, "must be one of open, approval, invite");
    }

    /** Reads a stored mode; anything unknown counts as the most restrictive. */
    static RegistrationMode of(String wire) {
        for (RegistrationMode m : values()) {
            if (m.wire().equals(wire)) {
                return m;
            }
        }
        return INVITE;
    }
}
