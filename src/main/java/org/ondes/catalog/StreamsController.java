package org.ondes.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What is live now: search over live stations (GET /api/v1/streams). */
@Controller("/api/v1/streams")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StreamsController {
    static final int MAX_AGE = 5;

    @Serdeable
    record Page(List<CatalogEntry> items, long total, @Nullable String next) {
    }

    private final Catalog catalog;

    StreamsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Get
    MutableHttpResponse<?> search(HttpRequest<?> request) {
        StreamQuery query = StreamQuery.from(request.getParameters());
        CatalogVersion version = catalog.version();
        String etag = Validators.etag(version.version(), query.cacheKey());
        if (Validators.notModified(request, etag, version.changedAt())) {
            return Validators.notModifiedResponse(etag, version.changedAt(), MAX_AGE);
        }
        CatalogPage page = catalog.search(query);
        return Validators.decorate(HttpResponse.ok(new Page(page.items(), page.total(), page.next())), etag,
                version.changedAt(), MAX_AGE);
    }
}
