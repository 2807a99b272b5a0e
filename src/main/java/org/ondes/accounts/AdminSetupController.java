package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.web.ProblemException;

import java.net.URI;
import java.util.Map;

/**
 * The admin setup form ({@code POST /setup/admin}: the link's {@code token}, {@code username}, {@code password},
 * {@code _csrf}): creates an admin account with a one-time link and signs the browser in (303 to the moderation
 * page). Failures go back to the form with an error code, like the sign-up form; a dead link's code says so.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
class AdminSetupController {
    static final String AFTER = "/moderation";

    private final AdminSetup setup;
    private final WebSessions sessions;
    private final CsrfTokens csrf;
    private final Origins origins;
    private final BrowserCookies cookies;

    AdminSetupController(AdminSetup setup, WebSessions sessions, CsrfTokens csrf, Origins origins, BrowserCookies cookies) {
        this.setup = setup;
        this.sessions = sessions;
        this.csrf = csrf;
        this.origins = origins;
        this.cookies = cookies;
    }

    @Post(AdminSetup.PATH)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Map<String, String> f = form == null ? Map.of() : form;
        String token = f.get(AdminSetup.PARAMETER);
        if (!AdminSetup.wellFormed(token)) {
            return back(null, SignInErrors.SETUP_LINK_DEAD);
        }
        if (!origins.allowed(request) || !csrf.matches(request, f.get(CsrfTokens.FIELD))) {
            return back(token, SignInErrors.CSRF);
        }
        AccountView admin;
        try {
            admin = setup.createAdmin(token, f.get("username"), f.get("password"));
        } catch (ProblemException e) {
            return back(token, e.status().getCode() == 410 ? SignInErrors.SETUP_LINK_DEAD : SignInErrors.of(e));
        }
        request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue).ifPresent(sessions::end);
        WebSessions.Opened opened = sessions.open(new Accounts.Principal(admin.id(), admin.username(), admin.role()),
                request.getHeaders().get(HttpHeaders.USER_AGENT));
        return HttpResponse.seeOther(URI.create(AFTER))
                .cookie(cookies.session(opened.token(), request))
                .cookie(cookies.clearCsrf(request));
    }

    private static MutableHttpResponse<?> back(@Nullable String token, String error) {
        return HttpResponse.seeOther(URI.create(AdminSetup.PATH + "?"
                + (token == null ? "" : AdminSetup.PARAMETER + "=" + token + "&") + "error=" + error));
    }
}
