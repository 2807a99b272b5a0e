package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.accounts.Role;
import org.ondes.moderation.AuditLog;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.Viewer;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Optional;

/**
 * The audit-log page (admins only, like {@code GET /api/v1/admin/audit}): a signed-out browser is sent to the
 * sign-in form, any other account gets an HTML 403. A refused filter is explained on the page.
 */
@Controller(AuditPages.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {
    private final AuditLog audit;
    private final PageRenderer pages;

    AuditPageController(AuditLog audit, PageRenderer pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String action,
                              @Nullable @QueryValue String actor, @Nullable @QueryValue String offset) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return PageRenderer.signInFirst(AuditPages.PATH);
        }
        if (viewer.get().role() != Role.ADMIN) {
            return pages.forbidden(request, "Only admins can read the audit log.");
        }
        String kind = action == null || action.isBlank() ? null : action;
        String who = actor == null || actor.isBlank() ? null : actor;
        int from = offset(offset);
        PageMeta meta = PageMeta.of("Audit log · Ondes", "Every moderation and admin action on this directory.",
                pages.absolute(AuditPages.PATH), "website");
        AuditLog.Page log;
        HttpStatus status = HttpStatus.OK;
        String error = null;
        try {
            log = audit.page(kind, who, AuditPages.PAGE_SIZE, from);
        } catch (ProblemException e) {
            log = new AuditLog.Page(List.of(), 0);
            status = e.status();
            error = ModerationView.message(e);
        }
        return pages.html(status, "audit", "moderation",
                AuditPages.build(meta, log, AuditLog.actions(), kind, who, from, error), request);
    }

    private static int offset(@Nullable String raw) {
        if (raw == null || !raw.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(raw), 100_000);
    }
}
