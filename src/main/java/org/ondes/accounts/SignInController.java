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
import org.ondes.limits.ClientAddress;
import org.ondes.limits.ClientAddresses;
import org.ondes.limits.Decision;
import org.ondes.limits.Limit;
import org.ondes.limits.Limits;
import org.ondes.web.ProblemException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The browser's sign-in, sign-up and sign-out forms (form-urlencoded). Each answers 303: to the {@code next} path on
 * success, or back to the form page with an error code ({@code ?error=…}) that the page turns into a message. The
 * redirect never carries what was typed, only the code, a checked {@code next} and, when a limit was reached, the
 * seconds to wait ({@code retry}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
class SignInController {
    static final String SIGN_IN = "/signin";
    static final String SIGN_UP = "/signup";
    static final String SIGN_OUT = "/signout";
    static final String HOME = "/me";
    /** The sign-in page's parameter for a message that is not an error (an account waiting for approval). */
    static final String NOTICE = "notice";

    private final Accounts accounts;
    private final WebSessions sessions;
    private final CsrfTokens csrf;
    private final Origins origins;
    private final BrowserCookies cookies;
    private final ClientAddresses clients;
    private final Limits limits;

    SignInController(Accounts accounts, WebSessions sessions, CsrfTokens csrf, Origins origins, BrowserCookies cookies,
                     ClientAddresses clients, Limits limits) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.origins = origins;
        this.cookies = cookies;
        this.clients = clients;
        this.limits = limits;
    }

    @Post(SIGN_IN)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Map<String, String> f = form == null ? Map.of() : form;
        Optional<String> next = NextPath.sanitise(f.get("next"));
        if (!trusted(request, f)) {
            return back(SIGN_IN, SignInErrors.CSRF, next);
        }
        ClientAddress client = clients.of(request);
        Decision wait = limits.signInAllowed(client);
        if (!wait.allowed()) {
            return back(SIGN_IN, SignInErrors.TOO_MANY_ATTEMPTS, next, wait);
        }
        SignIn result = accounts.authenticate(f.get("username"), f.get("password"));
        if (result instanceof SignIn.Accepted ok) {
            return signedIn(request, ok.principal(), next);
        }
        if (result instanceof SignIn.Suspended) {
            return back(SIGN_IN, SignInErrors.SUSPENDED, next);
        }
        if (result instanceof SignIn.Pending) {
            return back(SIGN_IN, SignInErrors.PENDING, next);
        }
        limits.signInFailed(client);
        return back(SIGN_IN, SignInErrors.CREDENTIALS, next);
    }

    @Post(SIGN_UP)
    MutableHttpResponse<?> signUp(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Map<String, String> f = form == null ? Map.of() : form;
        Optional<String> next = NextPath.sanitise(f.get("next"));
        String invite = f.get(Invites.PARAMETER);
        String page = SIGN_UP + (Invites.wellFormed(invite) ? "?" + Invites.PARAMETER + "=" + invite : "");
        if (!trusted(request, f)) {
            return back(page, SignInErrors.CSRF, next);
        }
        Decision allowed = limits.acquire(Limit.SIGNUPS, clients.of(request).limitKey());
        if (!allowed.allowed()) {
            return back(page, SignInErrors.TOO_MANY_SIGNUPS, next, allowed);
        }
        AccountView created;
        try {
            created = accounts.register(f.get("username"), f.get("password"), f.get("email"), invite);
        } catch (ProblemException e) {
            return back(page, SignInErrors.of(e), next);
        }
        if (AccountView.PENDING.equals(created.state())) {
            return HttpResponse.seeOther(URI.create(SIGN_IN + "?" + NOTICE + "=" + SignInErrors.PENDING));
        }
        return signedIn(request, new Accounts.Principal(created.id(), created.username(), created.role()), next);
    }

    @Post(SIGN_OUT)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Map<String, String> f = form == null ? Map.of() : form;
        Optional<String> next = NextPath.sanitise(f.get("next"));
        if (WebSessions.of(request).isPresent() && !trusted(request, f)) {
            return HttpResponse.seeOther(URI.create(HOME + "?error=" + SignInErrors.CSRF));
        }
        cookieValue(request).ifPresent(sessions::end);
        return HttpResponse.seeOther(URI.create(next.orElse("/"))).cookie(cookies.clearSession(request));
    }

    /** Same-origin (when the browser says) and the right CSRF token for this browser. */
    private boolean trusted(HttpRequest<?> request, Map<String, String> form) {
        return origins.allowed(request) && csrf.matches(request, form.get(CsrfTokens.FIELD));
    }

    private MutableHttpResponse<?> signedIn(HttpRequest<?> request, Accounts.Principal principal, Optional<String> next) {
        cookieValue(request).ifPresent(sessions::end); // a new sign-in never reuses a session (fixation)
        WebSessions.Opened opened = sessions.open(principal, request.getHeaders().get(HttpHeaders.USER_AGENT));
        return HttpResponse.seeOther(URI.create(next.orElse(HOME)))
                .cookie(cookies.session(opened.token(), request))
                .cookie(cookies.clearCsrf(request));
    }

    private static MutableHttpResponse<?> back(String form, String error, Optional<String> next) {
        String location = form + (form.contains("?") ? "&" : "?") + "error=" + error
                + next.map(n -> "&next=" + URLEncoder.encode(n, StandardCharsets.UTF_8)).orElse("");
        return HttpResponse.seeOther(URI.create(location));
    }

    private static MutableHttpResponse<?> back(String form, String error, Optional<String> next, Decision limit) {
        String location = form + (form.contains("?") ? "&" : "?") + "error=" + error + "&retry=" + limit.retryAfterSeconds()
                + next.map(n -> "&next=" + URLEncoder.encode(n, StandardCharsets.UTF_8)).orElse("");
        return HttpResponse.seeOther(URI.create(location));
    }

    private static Optional<String> cookieValue(HttpRequest<?> request) {
        return request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue);
    }
}
