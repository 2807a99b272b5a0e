package org.ondes.site.signin;

import io.micronaut.core.annotation.Nullable;
import org.ondes.limits.Waits;

import java.util.List;
import java.util.Map;

/**
 * What the sign-in and sign-up forms say for the error codes {@code POST /signin} and {@code /signup} send the browser
 * back with ({@code ?error=credentials}), and which fields the message is about. Only these fixed codes have a
 * message; anything else in {@code error} is ignored, so nothing typed into a URL ever appears on the page.
 */
final class SignInMessages {
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String EMAIL = "email";

    /** A message and the fields it is about (none: the form as a whole). */
    record Message(String text, List<String> fields) {
    }

    private static final Map<String, Message> MESSAGES = Map.ofEntries(
            Map.entry("csrf", new Message("The form had expired or was sent from another site. Please try again.", List.of())),
            Map.entry("credentials", new Message("Wrong user name or password.", List.of(USERNAME, PASSWORD))),
            Map.entry("suspended", new Message("This account is suspended. Ask the moderators of this directory why.",
                    List.of())),
            Map.entry("pending", new Message("Your account is waiting for a moderator's approval. You can sign in "
                    + "once it is approved.", List.of())),
            Map.entry("username_taken", new Message("This user name is taken. Please choose another one.",
                    List.of(USERNAME))),
            Map.entry("invalid_username", new Message("User names are 2 to 32 characters from a to z, 0 to 9 and _ "
                    + "(lower case).", List.of(USERNAME))),
            Map.entry("invalid_password", new Message("Passwords are at least 10 characters long.", List.of(PASSWORD))),
            Map.entry("invalid_email", new Message("This e-mail address does not look right. Check it, or leave the "
                    + "field empty.", List.of(EMAIL))),
            Map.entry("too_many_attempts", new Message("Too many failed sign-ins from your address. For your account's "
                    + "safety, the next attempt has to wait.", List.of())),
            Map.entry("too_many_signups", new Message("Too many accounts were created from your address lately. Please "
                    + "wait before creating another one.", List.of())),
            Map.entry("invite_required", new Message("This directory takes new accounts by invitation only. Ask its "
                    + "moderators for an invitation link.", List.of())),
            Map.entry("invite_invalid", new Message("This invitation link is not valid. Check that you copied all of "
                    + "it.", List.of())),
            Map.entry("invite_expired", new Message("This invitation has expired. Ask for a new one.", List.of())),
            Map.entry("invite_used_up", new Message("This invitation has been used as often as it allows. Ask for a "
                    + "new one.", List.of())),
            Map.entry("invite_revoked", new Message("This invitation was withdrawn by the directory's moderators.",
                    List.of())),
            Map.entry("setup_link_dead", new Message("This admin setup link was used already, has expired or is not "
                    + "valid. Run admin-setup on the server again for a new one.", List.of())));
    /** Notices that are not errors ({@code /signin?notice=pending} after a sign-up in approval mode). */
    private static final Map<String, String> NOTICES = Map.of(
            "pending", "Your account was created. A moderator of this directory approves new accounts: you can sign "
                    + "in once yours is approved.");
    /** The most seconds a {@code retry} parameter may name (a day); longer or malformed values are ignored. */
    private static final long MAX_RETRY = 86_400;

    private SignInMessages() {
    }

    /** The text of a notice code; null for no code or an unknown one. */
    @Nullable
    static String notice(@Nullable String code) {
        return code == null ? null : NOTICES.get(code);
    }

    /** The message for an error code; null for no code or one the forms do not send. */
    @Nullable
    static Message of(@Nullable String code) {
        return of(code, null);
    }

    /**
     * As {@link #of(String)}; a limit's message also says how long to wait when {@code retry} (the seconds the form
     * was sent back with) is a sensible number.
     */
    @Nullable
    static Message of(@Nullable String code, @Nullable String retry) {
        Message m = code == null ? null : MESSAGES.get(code);
        if (m == null || !code.startsWith("too_many_")) {
            return m;
        }
        boolean valid = retry != null && retry.matches("\\d{1,6}") && Long.parseLong(retry) <= MAX_RETRY;
        String when = valid ? " Try again in " + Waits.text(Math.max(1, Long.parseLong(retry))) + "." : " Try again later.";
        return new Message(m.text() + when, m.fields());
    }
}
