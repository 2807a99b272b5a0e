package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.ondes.accounts.Role;
import org.ondes.moderation.Admission;
import org.ondes.moderation.Bans;
import org.ondes.moderation.Moderation;
import org.ondes.moderation.Reports;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.SiteShell;
import org.ondes.site.Viewer;
import org.ondes.web.ProblemException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the moderation page's controllers share: who may see it, running a form's action (303 back to the page, or the
 * page with the refusal in the action's section), and rendering the page with every list.
 */
@Singleton
class ModerationView {
    /** The page's sections: where a form's outcome is shown. */
    enum Section {
        STATIONS("#stations-heading"), ACCOUNTS("#accounts-heading"), BANS("#bans-heading"), REPORTS("#reports-heading");

        final String anchor;

        Section(String anchor) {
            this.anchor = anchor;
        }
    }

    private final Moderation moderation;
    private final Bans bans;
    private final Reports reports;
    private final PageRenderer pages;
    private final Admission admission;

    ModerationView(Moderation moderation, Bans bans, Reports reports, PageRenderer pages, Admission admission) {
        this.moderation = moderation;
        this.bans = bans;
        this.reports = reports;
        this.pages = pages;
        this.admission = admission;
    }

    /** Sign-in first for anonymous browsers; an HTML 403 for accounts that are neither moderator nor admin. */
    Optional<HttpResponse<String>> refusal(HttpRequest<?> request) {
        return refusal(request, SiteShell.MODERATION);
    }

    /** As {@link #refusal(HttpRequest)}, coming back to {@code next} after signing in. */
    Optional<HttpResponse<String>> refusal(HttpRequest<?> request, String next) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return Optional.of(PageRenderer.signInFirst(next));
        }
        if (!viewer.get().moderates()) {
            return Optional.of(pages.forbidden(request, "Only moderators and admins can use the moderation page."));
        }
        return Optional.empty();
    }

    /**
     * Runs a form's action for the signed-in moderator: 303 back to the page ({@code ?done=} plus what the action
     * returns as extra query text), or the page with the refusal in {@code section} and the forms as {@code typed}.
     */
    HttpResponse<String> act(HttpRequest<?> request, @Nullable Map<String, String> form, Section section, String done,
                             ModerationPage.Typed typed,
                             BiFunction<Moderation.Actor, Map<String, String>, String> action) {
        Optional<HttpResponse<String>> refused = refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> f = form == null ? Map.of() : form;
        Moderation.Actor actor = Moderation.Actor.of(request.getUserPrincipal(Authentication.class).orElseThrow());
        String extra;
        try {
            extra = action.apply(actor, f);
        } catch (ProblemException e) {
            String why = message(e);
            ModerationPage.Errors errors = new ModerationPage.Errors(section == Section.STATIONS ? why : null,
                    section == Section.ACCOUNTS ? why : null, section == Section.BANS ? why : null,
                    section == Section.REPORTS ? why : null);
            return render(e.status(), request, 0, null, null, errors, typed);
        }
        return PageRenderer.seeOther(SiteShell.MODERATION + "?done=" + done + (extra == null ? "" : extra) + section.anchor);
    }

    HttpResponse<String> render(HttpStatus status, HttpRequest<?> request, int offset, @Nullable String done,
                                @Nullable Integer ended, ModerationPage.Errors errors, ModerationPage.Typed typed) {
        return render(status, request, offset, done, ended, errors, typed, AdmissionSection.Input.NONE);
    }

    /** As above, with what an admission action hands the page (its refusal, or a new invitation's link). */
    HttpResponse<String> render(HttpStatus status, HttpRequest<?> request, int offset, @Nullable String done,
                                @Nullable Integer ended, ModerationPage.Errors errors, ModerationPage.Typed typed,
                                AdmissionSection.Input input) {
        PageMeta meta = PageMeta.of("Moderation · Ondes", "Hide stations, suspend accounts, ban rules and reports on this "
                + "directory.", pages.absolute(SiteShell.MODERATION), "website");
        int size = ModerationPages.PAGE_SIZE;
        ModerationPages.Lists lists = new ModerationPages.Lists(moderation.stations(false, size, offset), offset,
                moderation.stations(true, size, 0), moderation.users(true, size, 0), bans.list(200, 0),
                reports.list(Reports.OPEN, size, 0));
        boolean admin = Viewer.of(request).map(v -> v.role() == Role.ADMIN).orElse(false);
        AdmissionSection section = AdmissionSections.build(admission.mode().mode(), admin, admission.pending(size, 0),
                admission.invites(size, 0), input);
        return pages.html(status, "moderation", ModerationPages.build(meta, lists, done, ended, errors, typed, section),
                request);
    }

    /** "Reason is required: say why (the owner sees it)." from the refusal (Ondes' own words). */
    static String message(ProblemException e) {
        String text = e.errors() != null && !e.errors().isEmpty()
                ? e.errors().get(0).name() + " " + e.errors().get(0).reason() : e.getMessage();
        String capitalised = text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }
}
