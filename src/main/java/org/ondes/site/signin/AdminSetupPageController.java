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
import org.ondes.accounts.AdminSetup;
import org.ondes.accounts.CsrfTokens;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;

/**
 * {@code GET /setup/admin?token=…}: the page behind the link {@code admin-setup} prints. While the link is usable it
 * shows a form (posting to {@code POST /setup/admin}) for a new admin account, in any registration mode; a used,
 * expired or unknown link gets a 410 page that says so.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminSetupPageController {
    private final AdminSetup setup;
    private final CsrfTokens csrf;
    private final PageRenderer pages;

    AdminSetupPageController(AdminSetup setup, CsrfTokens csrf, PageRenderer pages) {
        this.setup = setup;
        this.csrf = csrf;
        this.pages = pages;
    }

    @Get(value = AdminSetup.PATH, produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String token, @Nullable @QueryValue String error) {
        boolean usable = setup.usable(token);
        CsrfTokens.Issued issued = csrf.issue(request);
        PageMeta meta = PageMeta.of("Create the admin account · Ondes", "Create this directory's admin account.",
                pages.absolute(AdminSetup.PATH), "website");
        SignInMessages.Message message = usable ? SignInMessages.of(error) : SignInMessages.of("setup_link_dead");
        AdminSetupPage page = new AdminSetupPage(meta, usable, issued.token(), usable ? token : null, message);
        MutableHttpResponse<String> response = pages.html(usable ? HttpStatus.OK : HttpStatus.GONE, "setup-admin", page,
                request);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, PageRenderer.PRIVATE);
        if (issued.cookie() != null) {
            response.cookie(issued.cookie());
        }
        return response;
    }
}
