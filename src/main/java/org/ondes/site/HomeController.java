package org.ondes.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.catalog.Catalog;
import org.ondes.catalog.CatalogPage;
import org.ondes.catalog.StreamQuery;
import org.ondes.config.PublicUrls;
import org.ondes.web.ProblemException;

import java.time.Instant;

/** The home page: what is live now, with search and filters (the parameters of GET /api/v1/streams). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {
    private final Catalog catalog;
    private final PublicUrls urls;
    private final PageRenderer pages;

    HomeController(Catalog catalog, PublicUrls urls, PageRenderer pages) {
        this.catalog = catalog;
        this.urls = urls;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> home(HttpRequest<?> request) {
        SearchForm form = SearchForm.from(request.getParameters());
        CatalogPage results = null;
        String error = null;
        try {
            results = catalog.search(StreamQuery.from(request.getParameters()));
        } catch (ProblemException e) {
            error = e.getMessage();
        }
        HomePage page = HomePages.build(form, results, error, catalog.genres(), Instant.now(), urls.of(form.href(null)));
        return pages.html(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "home", page, request);
    }
}
