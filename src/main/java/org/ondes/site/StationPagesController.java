package org.ondes.site;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.accounts.Origins;
import org.ondes.catalog.StationDetail;
import org.ondes.catalog.StationDetails;
import org.ondes.config.PublicUrls;
import org.ondes.limits.ClientAddresses;
import org.ondes.moderation.Reports;
import org.ondes.web.ContentSecurityPolicy;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A station's page ({@code /stations/{id}}), its embeddable player ({@code /stations/{id}/embed}) and its report
 * form. An unlisted station's page answers too, with {@code noindex}; a station hidden by a moderator is not found.
 * The report form is posted by anonymous browsers as well: a signed-in one passes the CSRF filter with its session's
 * token, an anonymous one (no session to forge a request with) must at least not come from another site's page.
 */
@Controller("/stations/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StationPagesController {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final String ROBOTS = "X-Robots-Tag";
    private final StationDetails stations;
    private final PublicUrls urls;
    private final PageRenderer pages;
    private final Reports reports;
    private final ClientAddresses clients;
    private final Origins origins;
    private final boolean federation;

    StationPagesController(StationDetails stations, PublicUrls urls, PageRenderer pages, Reports reports,
                           ClientAddresses clients, Origins origins,
                           @Value("${ondes.federation.enabled:true}") boolean federation) {
        this.federation = federation;
        this.stations = stations;
        this.urls = urls;
        this.pages = pages;
        this.reports = reports;
        this.clients = clients;
        this.origins = origins;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> station(@PathVariable String id, HttpRequest<?> request, @Nullable @QueryValue String reported) {
        Optional<StationDetail> detail = find(id);
        if (detail.isEmpty()) {
            return notFound(request);
        }
        ReportForm form = ReportForm.blank(StationCards.href(detail.get().id()), "1".equals(reported));
        return render(HttpStatus.OK, detail.get(), form, request);
    }

    /** The report form: 303 back to the page saying thanks, or the page with the refusal and what was typed. */
    @Post(value = "/report", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> report(@PathVariable String id, HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Optional<StationDetail> detail = find(id);
        if (detail.isEmpty()) {
            return notFound(request);
        }
        Map<String, String> f = form == null ? Map.of() : form;
        StationDetail d = detail.get();
        String href = StationCards.href(d.id());
        if (!origins.allowed(request)) {
            return render(HttpStatus.FORBIDDEN, d, ReportForm.refused(href, f.get("reason"), f.get("text"),
                    "This form was sent from another site, so it was not taken. Send it from this page."), request);
        }
        try {
            Long reporter = Viewer.of(request).map(Viewer::accountId).orElse(null);
            reports.report(d.id(), f.get("reason"), f.get("text"), reporter, clients.of(request));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return notFound(request);
            }
            ReportForm refused = ReportForm.refused(href, f.get("reason"), f.get("text"), refusal(e));
            MutableHttpResponse<String> page = render(e.status(), d, refused, request);
            return e.retryAfter() == null ? page
                    : page.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return PageRenderer.seeOther(href + "?reported=1#report");
    }

    private MutableHttpResponse<String> render(HttpStatus status, StationDetail d, ReportForm form,
                                               HttpRequest<?> request) {
        StationPage page = StationPages.page(d, Instant.now(), urls::of, form, federation);
        // The same URL is the station's ActivityPub actor for clients that ask for it (federation.actors).
        MutableHttpResponse<String> response = pages.html(status, "station", page, request)
                .header(io.micronaut.http.HttpHeaders.VARY, "Accept");
        return d.unlisted() ? response.header(ROBOTS, "noindex") : response;
    }

    /** The refusal in the page's words: which field, or the limit's message. */
    static String refusal(ProblemException e) {
        String field = e.errors() == null || e.errors().isEmpty() ? null : e.errors().get(0).name();
        if ("reason".equals(field)) {
            return "Choose what is wrong with this station.";
        }
        if ("text".equals(field)) {
            return "Your text " + e.errors().get(0).reason() + ".";
        }
        String text = e.getMessage();
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1) + ".";
    }

    @Get(value = "/embed", produces = MediaType.TEXT_HTML)
    HttpResponse<String> embed(@PathVariable String id, HttpRequest<?> request) {
        Optional<StationDetail> detail = find(id);
        if (detail.isEmpty()) {
            return notFound(request);
        }
        EmbedPage page = StationPages.embed(detail.get(), Instant.now(), urls::of);
        // other sites frame this page: its own policy replaces the page policy and X-Frame-Options
        return pages.html(HttpStatus.OK, "embed", page, request)
                .header("Content-Security-Policy", ContentSecurityPolicy.EMBEDDABLE)
                .header(ROBOTS, "noindex");
    }

    private Optional<StationDetail> find(String id) {
        return id != null && UUID_TEXT.matcher(id).matches() ? stations.find(UUID.fromString(id)) : Optional.empty();
    }

    private HttpResponse<String> notFound(HttpRequest<?> request) {
        // unknown and hidden stations look the same: a moderator's decision is not announced to listeners
        return pages.error(HttpStatus.NOT_FOUND, "Station not found",
                "This station is not available. It may have been removed or hidden, or the link is mistyped.", request);
    }
}
