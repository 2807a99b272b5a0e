package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.moderation.BanRuleView;
import org.ondes.moderation.Bans;
import org.ondes.moderation.Reports;
import org.ondes.site.SiteShell;
import org.ondes.web.ProblemException;

import java.util.Map;

/**
 * The moderation page's ban-rule and report forms: create and delete rules through {@link Bans}, resolve and dismiss
 * reports through {@link Reports}, exactly as the API does (checked and logged the same way).
 */
@Controller(SiteShell.MODERATION)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationQueuePageController {
    private final Bans bans;
    private final Reports reports;
    private final ModerationView view;

    ModerationQueuePageController(Bans bans, Reports reports, ModerationView view) {
        this.bans = bans;
        this.reports = reports;
        this.view = view;
    }

    @Post(value = "/bans", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> create(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        ModerationPage.Typed typed = new ModerationPage.Typed("", "", "", "", v(form, "kind"), v(form, "value"),
                v(form, "syntax"), v(form, "reason"));
        return view.act(request, form, ModerationView.Section.BANS, "banned", typed, (actor, f) -> {
            String kind = f.get("kind");
            BanRuleView rule = bans.create(actor, kind, f.get("value"), "name".equals(kind) ? f.get("syntax") : null,
                    f.get("reason"));
            return "&ended=" + rule.endedSessions();
        });
    }

    @Post(value = "/bans/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> delete(HttpRequest<?> request, @PathVariable String id, @Nullable @Body Map<String, String> form) {
        return view.act(request, form, ModerationView.Section.BANS, "unbanned", ModerationPage.Typed.EMPTY, (actor, f) -> {
            bans.delete(actor, number(id, "rule"));
            return null;
        });
    }

    /** Resolves or dismisses a report: the form's two buttons send {@code decision} resolve or dismiss. */
    @Post(value = "/reports/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> close(HttpRequest<?> request, @PathVariable String id, @Nullable @Body Map<String, String> form) {
        boolean dismiss = "dismiss".equals(v(form, "decision"));
        return view.act(request, form, ModerationView.Section.REPORTS, dismiss ? "dismissed" : "resolved",
                ModerationPage.Typed.EMPTY, (actor, f) -> {
                    String decision = f.get("decision");
                    if (!"resolve".equals(decision) && !"dismiss".equals(decision)) {
                        throw ProblemException.badRequest("decision", "must be resolve or dismiss");
                    }
                    long report = number(id, "report");
                    if (dismiss) {
                        reports.dismiss(actor, report, f.get("note"));
                    } else {
                        reports.resolve(actor, report, f.get("note"));
                    }
                    return null;
                });
    }

    private static String v(@Nullable Map<String, String> form, String name) {
        return ModerationPageController.value(form, name);
    }

    private static long number(String id, String what) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw ProblemException.badRequest("id", "must be a " + what + " id");
    }
}
