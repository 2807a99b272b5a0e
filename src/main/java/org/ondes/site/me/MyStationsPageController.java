package org.ondes.site.me;

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
import org.ondes.moderation.Bans;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.SiteShell;
import org.ondes.site.Viewer;
import org.ondes.streams.ProfileEditor;
import org.ondes.streams.ProfilePatch;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The streamer's stations page ({@code /me}) and its profile form, which posts here without JavaScript and goes
 * through the same {@code Streams.updateProfile} as {@code PATCH /api/v1/me/stations/{id}}. Anonymous at the security
 * layer so that a signed-out browser is sent to the sign-in form (and back here) instead of getting a bare 401: every
 * handler starts from the signed-in {@link Viewer}. Cookie-authenticated posts pass the CSRF filter first.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class MyStationsPageController {
    private final Streams streams;
    private final Bans bans;
    private final PageRenderer pages;

    MyStationsPageController(Streams streams, Bans bans, PageRenderer pages) {
        this.streams = streams;
        this.bans = bans;
        this.pages = pages;
    }

    @Get(value = SiteShell.MY_STATIONS, produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String saved, @Nullable @QueryValue String error) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return PageRenderer.signInFirst(SiteShell.MY_STATIONS);
        }
        String notice = "csrf".equals(error) ? "You are still signed in: the page was too old to sign out from. Please try again." : null;
        return render(HttpStatus.OK, request, viewer.get(), Ids.uuid(saved).orElse(null), null, notice);
    }

    @Post(value = "/me/stations/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> edit(HttpRequest<?> request, String id, @Nullable @Body Map<String, String> form) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return PageRenderer.signInFirst(SiteShell.MY_STATIONS);
        }
        Optional<UUID> station = Ids.uuid(id);
        if (station.isEmpty()) {
            return notFound(request);
        }
        ProfileForm posted = ProfileForm.posted(form == null ? Map.of() : form);
        try {
            Viewer v = viewer.get();
            streams.updateProfile(new ProfileEditor(v.accountId(), v.username(), v.role().wire()), station.get(),
                    ProfilePatch.parse(posted.patch()));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return notFound(request);
            }
            return render(HttpStatus.BAD_REQUEST, request, viewer.get(), null,
                    new MyStationsPages.Refused(station.get(), posted, e), null);
        }
        return PageRenderer.seeOther(SiteShell.MY_STATIONS + "?saved=" + station.get() + "#station-" + station.get());
    }

    private HttpResponse<String> render(HttpStatus status, HttpRequest<?> request, Viewer viewer, @Nullable UUID saved,
                                        @Nullable MyStationsPages.Refused refused, @Nullable String notice) {
        PageMeta meta = PageMeta.of("My stations · Ondes", "Your stations on this directory, and why each stream is or is not listed.",
                pages.absolute(SiteShell.MY_STATIONS), "website");
        MyStationsPage page = MyStationsPages.build(meta, streams.stationsOf(viewer.accountId()), saved, refused, notice,
                bans.reasonsAgainst(viewer.accountId()));
        return pages.html(status, "me", page, request);
    }

    private HttpResponse<String> notFound(HttpRequest<?> request) {
        return pages.error(HttpStatus.NOT_FOUND, "Station not found", "You have no station with this id.", request);
    }
}
