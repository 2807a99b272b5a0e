package org.ondes.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import org.ondes.accounts.Role;
import org.ondes.accounts.WebSessions;
import org.ondes.web.CurrentAccount;

import java.util.Optional;

/**
 * Who is looking at a page: the signed-in account (as the security filter authenticated it for this request: the
 * session cookie, or a bearer token), its current role, and the CSRF token its forms must carry (the session's; null
 * for bearer-token callers, which need none).
 */
public record Viewer(long accountId, String username, Role role, @Nullable String csrfToken) {

    /** The signed-in viewer of this request; empty for anonymous requests. */
    public static Optional<Viewer> of(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .filter(auth -> auth.getAttributes().get(CurrentAccount.ACCOUNT_ID) != null)
                .map(auth -> new Viewer(CurrentAccount.id(auth), auth.getName(), role(auth),
                        WebSessions.of(request).map(WebSessions.Current::csrfToken).orElse(null)));
    }

    /** Moderators and admins see the moderation page. */
    public boolean moderates() {
        return role.atLeast(Role.MODERATOR);
    }

    private static Role role(Authentication auth) {
        return auth.getRoles().stream().map(Role::of).max(Enum::compareTo).orElse(Role.USER);
    }
}
