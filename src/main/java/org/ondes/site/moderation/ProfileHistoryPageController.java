package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.moderation.Moderation;
import org.ondes.moderation.ProfileRollbacks;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.SiteShell;
import org.ondes.web.ProblemException;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A station's profile history for moderators and admins, with a rollback form per change that goes through
 * {@link ProfileRollbacks} like {@code POST /api/v1/moderation/stations/{id}/profile-history/{changeId}/rollback}
 * (checked and logged the same way). Who may see it is decided as for the moderation page.
 */
@Controller("/moderation/stations/{id}/history")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProfileHistoryPageController {
    private final ProfileRollbacks rollbacks;
    private final ModerationView view;
    private final PageRenderer pages;

    ProfileHistoryPageController(ProfileRollbacks rollbacks, ModerationView view, PageRenderer pages) {
        this.rollbacks = rollbacks;
        this.view = view;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String offset,
                              @Nullable @QueryValue String done) {
        Optional<UUID> station = StationRef.parse(id).filter(s -> s.toString().equalsIgnoreCase(id));
        Optional<HttpResponse<String>> refused = view.refusal(request,
                station.map(s -> ProfileHistoryPages.path(s.toString())).orElse(SiteShell.MODERATION));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (station.isEmpty()) {
            return notFound(request);
        }
        return render(HttpStatus.OK, request, station.get(), offset(offset), done, null);
    }

    @Post(value = "/{changeId}/rollback", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> rollback(HttpRequest<?> request, @PathVariable String id, @PathVariable String changeId,
                                  @Nullable @Body Map<String, String> form) {
        Optional<HttpResponse<String>> refused = view.refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<UUID> station = StationRef.parse(id);
        if (station.isEmpty() || !station.get().toString().equalsIgnoreCase(id) || !changeId.matches("[0-9]{1,18}")) {
            return notFound(request);
        }
        Moderation.Actor actor = Moderation.Actor.of(request.getUserPrincipal(Authentication.class).orElseThrow());
        try {
            rollbacks.rollback(actor, station.get(), Long.parseLong(changeId), form == null ? null : form.get("reason"));
        } catch (ProblemException e) {
            return render(e.status(), request, station.get(), 0, null, ModerationView.message(e));
        }
        return PageRenderer.seeOther(ProfileHistoryPages.path(station.get().toString()) + "?done=rolledback");
    }

    private HttpResponse<String> render(HttpStatus status, HttpRequest<?> request, UUID station, int offset,
                                        @Nullable String done, @Nullable String error) {
        ProfileRollbacks.History history;
        try {
            history = rollbacks.station(station, ProfileHistoryPages.PAGE_SIZE, offset);
        } catch (ProblemException e) {
            return notFound(request);
        }
        String path = ProfileHistoryPages.path(station.toString());
        PageMeta meta = PageMeta.of("Profile history of " + history.station().name() + " · Ondes",
                "Every change of this station's profile, with a rollback for each.", pages.absolute(path), "website");
        return pages.html(status, "profile-history", "moderation",
                ProfileHistoryPages.build(meta, history, offset, done, error), request);
    }

    private HttpResponse<String> notFound(HttpRequest<?> request) {
        return pages.error(HttpStatus.NOT_FOUND, "Station not found", "There is no station with this id.", request);
    }

    private static int offset(@Nullable String raw) {
        if (raw == null || !raw.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(raw), 100_000);
    }
}
