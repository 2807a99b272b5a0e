package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.moderation.Moderation;
import org.ondes.site.SiteShell;
import org.ondes.web.ProblemException;

import java.util.Map;
import java.util.UUID;

/**
 * The moderation page and its station and account forms (moderators and admins): each action goes through the
 * {@link Moderation} facade like {@code /api/v1/moderation/*}, so it is checked and logged the same way. Anonymous at
 * the security layer so that a signed-out browser is sent to the sign-in form; a signed-in account without the role
 * gets an HTML 403 page. The ban-rule and report forms are {@link ModerationQueuePageController}'s.
 */
@Controller(SiteShell.MODERATION)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationPageController {
    private final Moderation moderation;
    private final ModerationView view;

    ModerationPageController(Moderation moderation, ModerationView view) {
        this.moderation = moderation;
        this.view = view;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String offset, @Nullable @QueryValue String done,
                              @Nullable @QueryValue String ended) {
        return view.refusal(request).orElseGet(() -> view.render(HttpStatus.OK, request, offset(offset), done,
                ended != null && ended.matches("[0-9]{1,6}") ? Integer.valueOf(ended) : null,
                ModerationPage.Errors.NONE, ModerationPage.Typed.EMPTY));
    }

    @Post(value = "/stations/hide", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> hide(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return view.act(request, form, ModerationView.Section.STATIONS, "hidden", stationTyped(form), (actor, f) -> {
            moderation.hideStation(actor, station(f), f.get("reason"));
            return null;
        });
    }

    @Post(value = "/stations/unhide", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unhide(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return view.act(request, form, ModerationView.Section.STATIONS, "unhidden", stationTyped(form), (actor, f) -> {
            moderation.unhideStation(actor, station(f), f.get("reason"));
            return null;
        });
    }

    @Post(value = "/users/suspend", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> suspend(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return view.act(request, form, ModerationView.Section.ACCOUNTS, "suspended", userTyped(form), (actor, f) -> {
            moderation.suspend(actor, username(f), f.get("reason"));
            return null;
        });
    }

    @Post(value = "/users/unsuspend", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unsuspend(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return view.act(request, form, ModerationView.Section.ACCOUNTS, "unsuspended", userTyped(form), (actor, f) -> {
            moderation.unsuspend(actor, username(f), f.get("reason"));
            return null;
        });
    }

    private static ModerationPage.Typed stationTyped(@Nullable Map<String, String> f) {
        return new ModerationPage.Typed(value(f, "station"), value(f, "reason"), "", "", "", "", "", "");
    }

    private static ModerationPage.Typed userTyped(@Nullable Map<String, String> f) {
        return new ModerationPage.Typed("", "", value(f, "username"), value(f, "reason"), "", "", "", "");
    }

    static String value(@Nullable Map<String, String> form, String name) {
        String v = form == null ? null : form.get(name);
        return v == null ? "" : v;
    }

    private static UUID station(Map<String, String> form) {
        return StationRef.parse(form.get("station")).orElseThrow(() -> ProblemException.badRequest("station",
                "must be the station's id, or the address of its page (…/stations/<id>)"));
    }

    private static String username(Map<String, String> form) {
        String name = form.get("username");
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("username", "is required");
        }
        return name.strip();
    }

    private static int offset(@Nullable String raw) {
        if (raw == null || !raw.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(raw), 100_000);
    }
}
