package org.ondes.catalog;

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

/** Facets of what is live now: genres and codecs with the number of live stations (cached a few seconds). */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FacetsController {
    @Serdeable
    record Count(String name, long count) {
    }

    private final Catalog catalog;

    FacetsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Get("/genres")
    MutableHttpResponse<?> genres(HttpRequest<?> request) {
        return facet(request, "genres");
    }

    @Get("/codecs")
    MutableHttpResponse<?> codecs(HttpRequest<?> request) {
        return facet(request, "codecs");
    }

    private MutableHttpResponse<?> facet(HttpRequest<?> request, String column) {
        List<Count> counts = catalog.facet(column).stream().map(f -> new Count(f.name(), f.count())).toList();
        CatalogVersion version = catalog.version();
        String etag = Validators.etag(version.version(), column + counts.hashCode());
        if (Validators.notModified(request, etag, version.changedAt())) {
            return Validators.notModifiedResponse(etag, version.changedAt(), (int) Catalog.FACET_TTL.toSeconds());
        }
        return Validators.decorate(HttpResponse.ok(counts), etag, version.changedAt(), (int) Catalog.FACET_TTL.toSeconds());
    }
}
