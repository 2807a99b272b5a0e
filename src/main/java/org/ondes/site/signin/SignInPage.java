package org.ondes.site.signin;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.ArrayList;
import java.util.List;

/**
 * The sign-in or the sign-up form: the browser's CSRF token, where to go afterwards, and the message of the error the
 * form was sent back with. Errors are tied to the fields they are about ({@code aria-invalid}, {@code
 * aria-describedby}); an error about the whole form is tied to the first field.
 *
 * @param next     a checked path of this instance, or null
 * @param intro    sign-up: how accounts are made on this directory (registration mode), or null
 * @param showForm whether the form is shown (not on the sign-up page of an invite-only directory without invitation)
 * @param invite   sign-up: the invitation code of the link, carried by the form, or null
 * @param notice   a message that is not an error (an account created and waiting for approval), or null
 */
public record SignInPage(PageMeta meta, boolean signUp, String csrf, @Nullable String next,
                         @Nullable SignInMessages.Message error, String otherHref, @Nullable String intro,
                         boolean showForm, @Nullable String invite, @Nullable String notice) {
    static final String ERROR_ID = "form-error";

    /** A page with the form, without a registration line, invitation or notice. */
    public SignInPage(PageMeta meta, boolean signUp, String csrf, @Nullable String next,
                      @Nullable SignInMessages.Message error, String otherHref) {
        this(meta, signUp, csrf, next, error, otherHref, null, true, null, null);
    }

    public String heading() {
        return signUp ? "Create an account" : "Sign in";
    }

    public String action() {
        return signUp ? "/signup" : "/signin";
    }

    public String submit() {
        return signUp ? "Create account" : "Sign in";
    }

    @Nullable
    public String errorText() {
        return error == null ? null : error.text();
    }

    /** {@code "true"} when the error is about this field, else null (no attribute). */
    @Nullable
    public String invalid(String field) {
        return error != null && error.fields().contains(field) ? "true" : null;
    }

    /** The ids that describe a field: its hint (sign-up) and the error when it concerns the field. */
    @Nullable
    public String describedBy(String field) {
        List<String> ids = new ArrayList<>(2);
        if (signUp) {
            ids.add(field + "-hint");
        }
        if (error != null && (error.fields().contains(field)
                || (error.fields().isEmpty() && field.equals(SignInMessages.USERNAME)))) {
            ids.add(ERROR_ID);
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }
}
