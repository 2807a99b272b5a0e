package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Who the caller is and the CSRF token its browser must send with writes: pages and scripts start here. A browser
 * that is not signed in gets a pre-session token (and its cookie) for the sign-in and sign-up forms.
 */
@Controller("/api/v1/session")
@Secured(SecurityRule.IS_ANONYMOUS)
class SessionController {
    /** csrfToken is null for bearer-token callers, which need none. */
    @Serdeable
    record SessionView(boolean authenticated, @Nullable String username, @Nullable String role,
                       @Nullable String csrfToken) {
    }

    private final CsrfTokens csrf;

    SessionController(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    @Get
    MutableHttpResponse<SessionView> session(HttpRequest<?> request, @Nullable Authentication auth) {
        MutableHttpResponse<SessionView> response;
        if (auth != null && WebSessions.of(request).isEmpty()) {
            response = HttpResponse.ok(new SessionView(true, auth.getName(), role(auth), null));
        } else {
            CsrfTokens.Issued issued = csrf.issue(request);
            response = HttpResponse.ok(new SessionView(auth != null, auth == null ? null : auth.getName(),
                    auth == null ? null : role(auth), issued.token()));
            if (issued.cookie() != null) {
                response.cookie(issued.cookie());
            }
        }
        return response.header("Cache-Control", "no-store");
    }

    private static String role(Authentication auth) {
        return auth.getRoles().stream().findFirst().orElse(Role.USER.wire());
    }
}
