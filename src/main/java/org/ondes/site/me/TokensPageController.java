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
import org.ondes.accounts.CreatedYpToken;
import org.ondes.accounts.YpTokenView;
import org.ondes.accounts.YpTokens;
import org.ondes.site.Formats;
import org.ondes.site.PageMeta;
import org.ondes.site.PageRenderer;
import org.ondes.site.SiteShell;
import org.ondes.site.Viewer;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YP tokens page: create (the answer is the only page that shows the full YP URL, never stored by a cache), list
 * masked, revoke after a confirmation step. The forms work without JavaScript and go through the {@link YpTokens}
 * facade like {@code /api/v1/me/yp-tokens}. Anonymous at the security layer so that a signed-out browser is sent to
 * the sign-in form; every handler starts from the signed-in {@link Viewer}.
 */
@Controller(SiteShell.MY_TOKENS)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TokensPageController {
    private final YpTokens tokens;
    private final PageRenderer pages;

    TokensPageController(YpTokens tokens, PageRenderer pages) {
        this.tokens = tokens;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String revoke, @Nullable @QueryValue String revoked) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return PageRenderer.signInFirst(SiteShell.MY_TOKENS);
        }
        List<TokensPage.TokenLine> lines = lines(viewer.get());
        TokensPage.TokenLine confirm = Ids.number(revoke)
                .flatMap(id -> lines.stream().filter(t -> t.id() == id).findFirst()).orElse(null);
        String notice = revoked != null ? "The token is revoked. Streams announced with it have left the list." : null;
        return pages.html(HttpStatus.OK, "tokens", new TokensPage(meta(), lines, null, confirm, notice, null, ""), request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> create(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return PageRenderer.signInFirst(SiteShell.MY_TOKENS);
        }
        String label = form == null ? null : form.get("label");
        CreatedYpToken created;
        try {
            created = tokens.create(viewer.get().accountId(), label);
        } catch (ProblemException e) {
            TokensPage page = new TokensPage(meta(), lines(viewer.get()), null, null, null, e.getMessage(), label == null ? "" : label);
            return pages.html(e.status(), "tokens", page, request);
        }
        TokensPage.Created shown = new TokensPage.Created(created.label(), created.ypUrl(),
                IcecastSnippets.icecast24(created.ypUrl()), IcecastSnippets.icecast25(created.ypUrl()));
        return pages.html(HttpStatus.OK, "tokens", new TokensPage(meta(), lines(viewer.get()), shown, null, null, null, ""), request);
    }

    @Post(value = "/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> revoke(HttpRequest<?> request, String id) {
        Optional<Viewer> viewer = Viewer.of(request);
        if (viewer.isEmpty()) {
            return PageRenderer.signInFirst(SiteShell.MY_TOKENS);
        }
        Optional<Long> tokenId = Ids.number(id);
        try {
            tokenId.ifPresent(t -> tokens.revoke(viewer.get().accountId(), t));
        } catch (ProblemException e) {
            tokenId = Optional.empty();
        }
        if (tokenId.isEmpty()) {
            TokensPage page = new TokensPage(meta(), lines(viewer.get()), null, null, null,
                    "You have no active token with this id: it may be revoked already.", "");
            return pages.html(HttpStatus.NOT_FOUND, "tokens", page, request);
        }
        return PageRenderer.seeOther(SiteShell.MY_TOKENS + "?revoked=1");
    }

    private List<TokensPage.TokenLine> lines(Viewer viewer) {
        return tokens.list(viewer.accountId()).stream().map(TokensPageController::line).toList();
    }

    private static TokensPage.TokenLine line(YpTokenView t) {
        return new TokensPage.TokenLine(t.id(), t.label(), t.maskedYpUrl(), t.createdAt().toString(),
                Formats.dateTime(t.createdAt()), t.lastUsedAt() == null ? null : t.lastUsedAt().toString(),
                t.lastUsedAt() == null ? null : Formats.dateTime(t.lastUsedAt()),
                SiteShell.MY_TOKENS + "?revoke=" + t.id() + "#confirm", SiteShell.MY_TOKENS + "/" + t.id() + "/revoke");
    }

    private PageMeta meta() {
        return PageMeta.of("YP tokens · Ondes", "The YP URLs your Icecast servers announce your streams with.",
                pages.absolute(SiteShell.MY_TOKENS), "website");
    }
}
