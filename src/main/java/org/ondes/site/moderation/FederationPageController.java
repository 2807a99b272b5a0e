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
import org.ondes.accounts.Role;
import org.ondes.moderation.FederationModeration;
import org.ondes.moderation.Moderation;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.Viewer;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The federation page and its forms, over {@link FederationModeration} like {@code /api/v1/admin/federation/*} and
 * {@code /api/v1/moderation/federation/blocks} (same checks, same audit log, same role rules): moderators see and
 * manage the domain blocks; only admins see the follows and followers and may follow and unfollow (a moderator's
 * follow form post gets an HTML 403). Signed-out browsers are sent to the sign-in form.
 */
@Controller(FederationPages.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FederationPageController {
    private enum Section { FOLLOWING, BLOCKS }

    private final FederationModeration federation;
    private final ModerationView moderation;
    private final PageRenderer pages;

    FederationPageController(FederationModeration federation, ModerationView moderation, PageRenderer pages) {
        this.federation = federation;
        this.moderation = moderation;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String done) {
        return moderation.refusal(request, FederationPages.PATH).orElseGet(() -> render(HttpStatus.OK, request,
                done, FederationPage.Errors.NONE, FederationPage.Typed.EMPTY));
    }

    @Post(value = "/following", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> follow(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        String target = value(form, "target");
        return act(request, form, Section.FOLLOWING, new FederationPage.Typed(target, "", ""), (actor, f) -> {
            if (target.isBlank()) {
                throw ProblemException.badRequest("target", "is required: a domain (ondes.example.org), an actor URL "
                        + "or a handle (@user@host)");
            }
            return federation.follow(actor, target).created() ? "followed" : "already_followed";
        });
    }

    @Post(value = "/following/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> unfollow(HttpRequest<?> request, @PathVariable String id,
                                  @Nullable @Body Map<String, String> form) {
        return act(request, form, Section.FOLLOWING, FederationPage.Typed.EMPTY, (actor, f) -> {
            if (id == null || !id.matches("[0-9]{1,18}")) {
                throw ProblemException.badRequest("id", "must be a follow id");
            }
            federation.unfollow(actor, Long.parseLong(id));
            return "unfollowed";
        });
    }

    @Post(value = "/blocks", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> block(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        FederationPage.Typed typed = new FederationPage.Typed("", value(form, "domain"), value(form, "reason"));
        return act(request, form, Section.BLOCKS, typed, (actor, f) -> {
            federation.block(actor, f.get("domain"), f.get("reason"));
            return "blocked";
        });
    }

    @Post(value = "/blocks/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unblock(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return act(request, form, Section.BLOCKS, FederationPage.Typed.EMPTY, (actor, f) -> {
            federation.unblock(actor, f.get("domain"));
            return "unblocked";
        });
    }

    /**
     * Runs a form's action for a signed-in moderator (admins only for the follow section): 303 back to the page with
     * {@code ?done=} what the action returns, or the page with the refusal in the section and the forms as typed.
     */
    private HttpResponse<String> act(HttpRequest<?> request, @Nullable Map<String, String> form, Section section,
                                     FederationPage.Typed typed,
                                     BiFunction<Moderation.Actor, Map<String, String>, String> action) {
        Optional<HttpResponse<String>> refused = moderation.refusal(request, FederationPages.PATH);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (section == Section.FOLLOWING && !admin(request)) {
            return pages.forbidden(request, "Only admins can follow and unfollow other instances.");
        }
        Moderation.Actor actor = Moderation.Actor.of(request.getUserPrincipal(Authentication.class).orElseThrow());
        String done;
        try {
            done = action.apply(actor, form == null ? Map.of() : form);
        } catch (ProblemException e) {
            String why = ModerationView.message(e);
            FederationPage.Errors errors = section == Section.FOLLOWING ? new FederationPage.Errors(why, null)
                    : new FederationPage.Errors(null, why);
            return render(e.status(), request, null, errors, typed);
        }
        return PageRenderer.seeOther(FederationPages.PATH + "?done=" + done
                + (section == Section.FOLLOWING ? "#following-heading" : "#blocks-heading"));
    }

    private HttpResponse<String> render(HttpStatus status, HttpRequest<?> request, @Nullable String done,
                                        FederationPage.Errors errors, FederationPage.Typed typed) {
        boolean admin = admin(request);
        PageMeta meta = PageMeta.of("Federation · Ondes", "Other instances this directory follows, its followers and "
                + "the blocked domains.", pages.absolute(FederationPages.PATH), "website");
        FederationPage page = FederationPages.build(meta, admin, done,
                admin ? federation.following() : List.of(),
                admin ? federation.followers() : List.of(), federation.stationFollows(),
                federation.blocks(), errors, typed);
        return pages.html(status, "moderation-federation", "moderation", page, request);
    }

    private static boolean admin(HttpRequest<?> request) {
        return Viewer.of(request).map(v -> v.role() == Role.ADMIN).orElse(false);
    }

    private static String value(@Nullable Map<String, String> form, String name) {
        return ModerationPageController.value(form, name);
    }
}
