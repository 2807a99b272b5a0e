package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.accounts.CreatedInvite;
import org.ondes.moderation.Admission;
import org.ondes.moderation.Moderation;
import org.ondes.site.PageRenderer;
import org.ondes.site.SiteShell;
import org.ondes.web.ProblemException;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The moderation page's forms about who gets in, through the {@link Admission} facade like the API (checked and
 * logged the same way): approve or reject a waiting account, create an invitation (the answer is the page with its
 * link, shown this once, never a redirect that would put it in a URL), revoke one, and set the registration mode
 * (admins; a moderator's attempt is refused on the page with 403).
 */
@Controller(SiteShell.MODERATION)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationAdmissionPageController {
    static final String ANCHOR = "#admission-heading";

    private final Admission admission;
    private final ModerationView view;

    ModerationAdmissionPageController(Admission admission, ModerationView view) {
        this.admission = admission;
        this.view = view;
    }

    @Post(value = "/accounts/{username}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> approve(HttpRequest<?> request, @PathVariable String username,
                                 @Nullable @Body Map<String, String> form) {
        return act(request, form, "approved", AdmissionSection.Typed.EMPTY, (actor, f) -> {
            admission.approve(actor, username, f.get("reason"));
            return null;
        });
    }

    @Post(value = "/accounts/{username}/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> reject(HttpRequest<?> request, @PathVariable String username,
                                @Nullable @Body Map<String, String> form) {
        return act(request, form, "rejected", AdmissionSection.Typed.EMPTY, (actor, f) -> {
            admission.reject(actor, username, f.get("reason"));
            return null;
        });
    }

    @Post(value = "/invites", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> invite(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        AdmissionSection.Typed typed = new AdmissionSection.Typed(v(form, "maxUses"), v(form, "expiresInHours"),
                v(form, "note"));
        return act(request, form, null, typed, (actor, f) -> {
            CreatedInvite invite = admission.createInvite(actor, number(f, "maxUses"), number(f, "expiresInHours"),
                    f.get("note"));
            return invite.url();
        });
    }

    @Post(value = "/invites/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> revoke(HttpRequest<?> request, @PathVariable String id, @Nullable @Body Map<String, String> form) {
        return act(request, form, "invite_revoked", AdmissionSection.Typed.EMPTY, (actor, f) -> {
            if (!id.matches("[0-9]{1,18}")) {
                throw ProblemException.badRequest("id", "must be an invitation id");
            }
            admission.revokeInvite(actor, Long.parseLong(id));
            return null;
        });
    }

    @Post(value = "/registration", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> mode(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return act(request, form, "mode_set", AdmissionSection.Typed.EMPTY, (actor, f) -> {
            admission.setMode(actor, f.get("mode"));
            return null;
        });
    }

    /**
     * Runs an action for the signed-in moderator: 303 back to the page with {@code ?done=}, or, when {@code done} is
     * null (a new invitation), the page with the link the action returned; a refusal is shown in this part.
     */
    private HttpResponse<String> act(HttpRequest<?> request, @Nullable Map<String, String> form, @Nullable String done,
                                     AdmissionSection.Typed typed,
                                     BiFunction<Moderation.Actor, Map<String, String>, String> action) {
        Optional<HttpResponse<String>> refused = view.refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> f = form == null ? Map.of() : form;
        Moderation.Actor actor = Moderation.Actor.of(request.getUserPrincipal(Authentication.class).orElseThrow());
        String created;
        try {
            created = action.apply(actor, f);
        } catch (ProblemException e) {
            return view.render(e.status(), request, 0, null, null, ModerationPage.Errors.NONE,
                    ModerationPage.Typed.EMPTY, new AdmissionSection.Input(ModerationView.message(e), null, typed));
        }
        if (done == null) {
            return view.render(HttpStatus.OK, request, 0, null, null, ModerationPage.Errors.NONE,
                    ModerationPage.Typed.EMPTY, new AdmissionSection.Input(null, created, AdmissionSection.Typed.EMPTY));
        }
        return PageRenderer.seeOther(SiteShell.MODERATION + "?done=" + done + ANCHOR);
    }

    private static String v(@Nullable Map<String, String> form, String name) {
        return ModerationPageController.value(form, name);
    }

    /** A whole number from the form; empty means the default (null). */
    private static Integer number(Map<String, String> form, String name) {
        String raw = form.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("[0-9]{1,6}")) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
        return Integer.valueOf(raw.strip());
    }
}
