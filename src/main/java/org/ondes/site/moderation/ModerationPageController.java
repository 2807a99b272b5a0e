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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.moderation.Moderation;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.SiteShell;
import org.ondes.site.Viewer;
import org.ondes.web.ProblemException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The moderation page and its forms (moderators and admins): each action goes through the {@link Moderation} facade
 * like {@code /api/v1/moderation/*}, so it is checked and logged the same way. Anonymous at the security layer so that
 * a signed-out browser is sent to the sign-in form; a signed-in account without the role gets an HTML 403 page.
 */
@Controller(SiteShell.MODERATION)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationPageController {
    private static final String STATIONS = "#stations-heading";
    private static final String ACCOUNTS = "#accounts-heading";

    private final Moderation moderation;
    private final PageRenderer pages;

    ModerationPageController(Moderation moderation, PageRenderer pages) {
        this.moderation = moderation;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String offset, @Nullable @QueryValue String done) {
        return refusal(request).orElseGet(() -> render(HttpStatus.OK, request, offset(offset), done, null, null,
                ModerationPage.Typed.EMPTY));
    }

    @Post(value = "/stations/hide", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> hide(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return act(request, form, true, "hidden", (actor, f) -> moderation.hideStation(actor, station(f), f.get("reason")));
    }

    @Post(value = "/stations/unhide", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unhide(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return act(request, form, true, "unhidden", (actor, f) -> moderation.unhideStation(actor, station(f), f.get("reason")));
    }

    @Post(value = "/users/suspend", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> suspend(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return act(request, form, false, "suspended", (actor, f) -> moderation.suspend(actor, username(f), f.get("reason")));
    }

    @Post(value = "/users/unsuspend", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unsuspend(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return act(request, form, false, "unsuspended", (actor, f) -> moderation.unsuspend(actor, username(f), f.get("reason")));
    }

    /** Runs a moderation action for the signed-in moderator: 303 back to the page, or the page with the refusal. */
    private HttpResponse<String> act(HttpRequest<?> request, @Nullable Map<String, String> form, boolean onStations,
                                     String done, BiConsumer<Moderation.Actor, Map<String, String>> action) {
        Optional<HttpResponse<String>> refused = refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> f = form == null ? Map.of() : form;
        Moderation.Actor actor = Moderation.Actor.of(request.getUserPrincipal(Authentication.class).orElseThrow());
        try {
            action.accept(actor, f);
        } catch (ProblemException e) {
            String why = message(e);
            ModerationPage.Typed typed = onStations
                    ? new ModerationPage.Typed(orEmpty(f.get("station")), orEmpty(f.get("reason")), "", "")
                    : new ModerationPage.Typed("", "", orEmpty(f.get("username")), orEmpty(f.get("reason")));
            return render(e.status(), request, 0, null, onStations ? why : null, onStations ? null : why, typed);
        }
        return PageRenderer.seeOther(SiteShell.MODERATION + "?done=" + done + (onStations ? STATIONS : ACCOUNTS));
    }

    /** Sign-in first for anonymous browsers; an HTML 403 for accounts that are neither moderator nor admin. */
    private Optional<HttpResponse<String>> refusal(HttpRequest<?> request) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return Optional.of(PageRenderer.signInFirst(SiteShell.MODERATION));
        }
        if (!viewer.get().moderates()) {
            return Optional.of(pages.forbidden(request, "Only moderators and admins can use the moderation page."));
        }
        return Optional.empty();
    }

    private HttpResponse<String> render(HttpStatus status, HttpRequest<?> request, int offset, @Nullable String done,
                                        @Nullable String stationsError, @Nullable String usersError,
                                        ModerationPage.Typed typed) {
        PageMeta meta = PageMeta.of("Moderation · Ondes", "Hide stations and suspend accounts on this directory.",
                pages.absolute(SiteShell.MODERATION), "website");
        ModerationPage page = ModerationPages.build(meta, moderation.stations(false, ModerationPages.PAGE_SIZE, offset),
                offset, moderation.stations(true, ModerationPages.PAGE_SIZE, 0),
                moderation.users(true, ModerationPages.PAGE_SIZE, 0), done, stationsError, usersError, typed);
        return pages.html(status, "moderation", page, request);
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

    /** "Reason is required: say why (the owner sees it)." from the refusal (Ondes' own words). */
    static String message(ProblemException e) {
        String text = e.errors() != null && !e.errors().isEmpty()
                ? e.errors().get(0).name() + " " + e.errors().get(0).reason() : e.getMessage();
        String capitalised = text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    private static int offset(@Nullable String raw) {
        if (raw == null || !raw.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(raw), 100_000);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
