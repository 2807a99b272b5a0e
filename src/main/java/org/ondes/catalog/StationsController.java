package org.ondes.catalog;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.json.JsonMapper;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.web.ProblemException;

import java.util.UUID;

/**
 * A station's public page data: profile, live sessions, now playing, recent songs, listener history. An unlisted
 * station answers too (its link is how it is shared), with {@code X-Robots-Tag: noindex} and an ETag made from its
 * content: the catalog's version, which the listed stations' ETags are made of, does not follow stations the catalog
 * leaves out. If-Modified-Since is applied only once the station is known to be listed, for the same reason.
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
    private final JsonMapper json;

    StationsController(Catalog catalog, StationDetails details, JsonMapper json) {
        this.catalog = catalog;
        this.details = details;
        this.json = json;
    }

    @Get("/{id}")
    MutableHttpResponse<?> station(String id, HttpRequest<?> request) throws java.io.IOException {
        UUID stationId = parseId(id);
        CatalogVersion version = catalog.version();
        String etag = Validators.etag(version.version(), "station:" + stationId);
        boolean byTag = request.getHeaders().contains(HttpHeaders.IF_NONE_MATCH);
        if (byTag && Validators.notModified(request, etag, version.changedAt())) {
            return Validators.notModifiedResponse(etag, version.changedAt(), MAX_AGE);
        }
        StationDetail detail = details.find(stationId)
                .orElseThrow(() -> ProblemException.notFound("no station " + stationId));
        if (detail.unlisted()) {
            return unlisted(detail, request);
        }
        if (!byTag && Validators.notModified(request, etag, version.changedAt())) {
            return Validators.notModifiedResponse(etag, version.changedAt(), MAX_AGE);
        }
        return Validators.decorate(HttpResponse.ok(detail), etag, version.changedAt(), MAX_AGE);
    }

    /**
     * An unlisted station's answer carries an ETag made from its content (the catalog's version does not follow it),
     * so clients revalidate cheaply; no Last-Modified, since nothing dates its changes.
     */
    private MutableHttpResponse<?> unlisted(StationDetail detail, HttpRequest<?> request) throws java.io.IOException {
        byte[] body = json.writeValueAsBytes(detail);
        String etag = Validators.contentEtag(body);
        MutableHttpResponse<?> response = Validators.matches(request, etag)
                ? HttpResponse.status(io.micronaut.http.HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(body).contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, etag).header(ROBOTS, NOINDEX)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    static UUID parseId(String id) {
        return org.ondes.web.StationIds.require(id);
    }
}
