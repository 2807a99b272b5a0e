package org.ondes.catalog;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.web.ProblemException;

import java.util.UUID;

/**
 * A station's public page data: profile, live sessions, now playing, recent songs, listener history. An unlisted
 * station answers too (its link is how it is shared), with {@code X-Robots-Tag: noindex} and without validators: the
 * catalog's version, which the ETag is made of, does not follow stations the catalog leaves out.
 */
@Controller("/api/v1/stations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StationsController {
    static final int MAX_AGE = 5;
    static final String ROBOTS = "X-Robots-Tag";
    static final String NOINDEX = "noindex";
    private final Catalog catalog;
    private final StationDetails details;

    StationsController(Catalog catalog, StationDetails details) {
        this.catalog = catalog;
        this.details = details;
    }

    @Get("/{id}")
    MutableHttpResponse<?> station(String id, HttpRequest<?> request) {
        UUID stationId = parseId(id);
        CatalogVersion version = catalog.version();
        String etag = Validators.etag(version.version(), "station:" + stationId);
        if (Validators.notModified(request, etag, version.changedAt())) {
            return Validators.notModifiedResponse(etag, version.changedAt(), MAX_AGE);
        }
        StationDetail detail = details.find(stationId)
                .orElseThrow(() -> ProblemException.notFound("no station " + stationId));
        if (detail.unlisted()) {
            return HttpResponse.ok(detail).header(ROBOTS, NOINDEX).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        return Validators.decorate(HttpResponse.ok(detail), etag, version.changedAt(), MAX_AGE);
    }

    static UUID parseId(String id) {
        try {
            if (id.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "must be a station id (UUID)");
        }
    }
}
