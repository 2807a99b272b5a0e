package org.ondes.site;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpRequest;
import org.ondes.catalog.Catalog;
import org.ondes.catalog.StationDetail;
import org.ondes.config.PublicUrls;
import org.ondes.web.ContentSecurityPolicy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A station's page ({@code /stations/{id}}) and its embeddable player ({@code /stations/{id}/embed}). */
@Controller("/stations/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StationPagesController {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Catalog catalog;
    private final PublicUrls urls;
    private final PageRenderer pages;

    StationPagesController(Catalog catalog, PublicUrls urls, PageRenderer pages) {
        this.catalog = catalog;
        this.urls = urls;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> station(@PathVariable String id, HttpRequest<?> request) {
        Optional<StationDetail> detail = find(id);
        if (detail.isEmpty()) {
            return notFound(request);
        }
        StationPage page = StationPages.page(detail.get(), Instant.now(), urls::of);
        return pages.html(HttpStatus.OK, "station", page, request);
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
                .header("Content-Security-Policy", ContentSecurityPolicy.EMBEDDABLE);
    }

    private Optional<StationDetail> find(String id) {
        return id != null && UUID_TEXT.matcher(id).matches() ? catalog.station(UUID.fromString(id)) : Optional.empty();
    }

    private HttpResponse<String> notFound(HttpRequest<?> request) {
        // unknown and hidden stations look the same: a moderator's decision is not announced to listeners
        return pages.error(HttpStatus.NOT_FOUND, "Station not found",
                "This station is not available. It may have been removed or hidden, or the link is mistyped.", request);
    }
}
