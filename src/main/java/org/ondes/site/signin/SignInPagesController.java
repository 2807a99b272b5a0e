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
import org.ondes.accounts.NextPath;
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
 * already goes straight on to {@code next} (or its stations).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInPagesController {
    private final CsrfTokens csrf;
    private final PageRenderer pages;

    SignInPagesController(CsrfTokens csrf, PageRenderer pages) {
        this.csrf = csrf;
        this.pages = pages;
    }

    @Get(value = SiteShell.SIGN_IN, produces = MediaType.TEXT_HTML)
    HttpResponse<String> signIn(HttpRequest<?> request, @Nullable @QueryValue String error, @Nullable @QueryValue String next,
                                @Nullable @QueryValue String retry) {
        return form(false, request, error, next, retry);
    }

    @Get(value = SiteShell.SIGN_UP, produces = MediaType.TEXT_HTML)
    HttpResponse<String> signUp(HttpRequest<?> request, @Nullable @QueryValue String error, @Nullable @QueryValue String next,
                                @Nullable @QueryValue String retry) {
        return form(true, request, error, next, retry);
    }

    private MutableHttpResponse<String> form(boolean signUp, HttpRequest<?> request, String error, String rawNext,
                                             String retry) {
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
        SignInPage page = new SignInPage(meta, signUp, issued.token(), next.orElse(null), SignInMessages.of(error, retry), other);
        // the page carries a CSRF token (and may set its cookie): never stored by a cache
        MutableHttpResponse<String> response = pages.html(HttpStatus.OK, "signin", signUp ? "signup" : "signin", page, request);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, PageRenderer.PRIVATE);
        if (issued.cookie() != null) {
            response.cookie(issued.cookie());
        }
        return response;
    }
}
