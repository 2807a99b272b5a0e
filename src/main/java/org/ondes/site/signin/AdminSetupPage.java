package org.ondes.site.signin;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

/**
 * The admin setup page behind the one-time link: a form for the admin account's user name and password while the
 * link is usable, else only why it is not.
 *
 * @param token  the link's code, carried by the form (null when the link is not usable)
 * @param error  why the last attempt failed, or null
 */
public record AdminSetupPage(PageMeta meta, boolean usable, String csrf, @Nullable String token,
                             @Nullable SignInMessages.Message error) {

    @Nullable
    public String errorText() {
        return error == null ? null : error.text();
    }

    /** {@code "true"} when the error is about this field, else null. */
    @Nullable
    public String invalid(String field) {
        return error != null && error.fields().contains(field) ? "true" : null;
    }
}
