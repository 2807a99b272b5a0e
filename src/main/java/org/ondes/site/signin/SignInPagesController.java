package org.ondes.site.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.accounts.CsrfTokens;
import org.ondes.accounts.Invites;
import org.ondes.accounts.NextPath;
import org.ondes.accounts.Registration;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.SiteShell;
import org.ondes.site.Viewer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The sign-in and sign-up pages: forms that post to {@code POST /signin} and {@code /signup} (accounts'
 * SignInController) with the browser's CSRF token and the checked {@code next} path. A browser that is signed in
 * already goes straight on to {@code next} (or its stations). The sign-up page says how accounts are made on this
 * directory (registration mode), carries the invitation of a {@code ?invite=} link, and has no form on an invite-only
 * directory without a usable invitation ({@link SignUpRules}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInPagesController {
    private final CsrfTokens csrf;
    private final PageRenderer pages;
    private final Registration registration;
    private final Invites invites;

    SignInPagesController(CsrfTokens csrf, PageRenderer pages, Registration registration, Invites invites) {
        this.csrf = csrf;
        this.pages = pages;
        this.registration = registration;
        this.invites = invites;
    }

    @Get(value = SiteShell.SIGN_IN, produces = MediaType.TEXT_HTML)
    HttpResponse<String> signIn(HttpRequest<?> request, @Nullable @QueryValue String error, @Nullable @QueryValue String next,
                                @Nullable @QueryValue String retry, @Nullable @QueryValue String notice) {
        return form(false, request, error, next, retry, null, notice);
    }

    @Get(value = SiteShell.SIGN_UP, produces = MediaType.TEXT_HTML)
    HttpResponse<String> signUp(HttpRequest<?> request, @Nullable @QueryValue String error, @Nullable @QueryValue String next,
                                @Nullable @QueryValue String retry, @Nullable @QueryValue String invite) {
        return form(true, request, error, next, retry, invite, null);
    }

    private MutableHttpResponse<String> form(boolean signUp, HttpRequest<?> request, String error, String rawNext,
                                             String retry, @Nullable String invite, @Nullable String notice) {
        Optional<String> next = NextPath.sanitise(rawNext);
        if (Viewer.of(request).isPresent()) {
            return PageRenderer.seeOther(next.orElse(SiteShell.MY_STATIONS));
        }
        CsrfTokens.Issued issued = csrf.issue(request);
        String path = signUp ? SiteShell.SIGN_UP : SiteShell.SIGN_IN;
        String other = (signUp ? SiteShell.SIGN_IN : SiteShell.SIGN_UP)
                + next.map(n -> "?next=" + URLEncoder.encode(n, StandardCharsets.UTF_8)).orElse("");
        PageMeta meta = PageMeta.of((signUp ? "Create an account" : "Sign in") + " · Ondes",
                signUp ? "Create an account to list your Icecast streams on this directory."
                        : "Sign in to manage your stations and YP tokens.",
                pages.absolute(path), "website");
        SignInMessages.Message message = SignInMessages.of(error, retry);
        SignUpRules.Outcome rules = new SignUpRules.Outcome(null, true, false, null);
        if (signUp) {
            Registration.Status status = registration.status();
            boolean codeGiven = invite != null && !invite.isEmpty();
            rules = SignUpRules.of(status.mode(), status.empty(), codeGiven,
                    codeGiven ? invites.check(invite).orElse(null) : null);
            if (message == null && rules.errorCode() != null) {
                message = SignInMessages.of(rules.errorCode());
            }
        }
        SignInPage page = new SignInPage(meta, signUp, issued.token(), next.orElse(null), message, other, rules.intro(),
                rules.showForm(), rules.carryCode() ? invite : null, SignInMessages.notice(notice));
        // the page carries a CSRF token (and may set its cookie): never stored by a cache
        MutableHttpResponse<String> response = pages.html(HttpStatus.OK, "signin", signUp ? "signup" : "signin", page, request);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, PageRenderer.PRIVATE);
        if (issued.cookie() != null) {
            response.cookie(issued.cookie());
        }
        return response;
    }
}
