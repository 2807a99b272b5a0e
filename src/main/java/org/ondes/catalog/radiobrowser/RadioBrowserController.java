package org.ondes.catalog.radiobrowser;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.limits.ClientAddresses;
import org.ondes.web.ProblemException;

import java.util.List;

/** radio-browser's read API under {@code /json} (docs/radio-browser.md); CORS comes from {@link RbCorsFilter}. */
@Controller("/json")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class RadioBrowserController {
    private final RadioBrowser radioBrowser;
    private final ClientAddresses clients;

    RadioBrowserController(RadioBrowser radioBrowser, ClientAddresses clients) {
        this.radioBrowser = radioBrowser;
        this.clients = clients;
    }

    @Get("/stations/search")
    List<RbStation> search(HttpRequest<?> request) {
        return radioBrowser.search(parameters(request, null));
    }

    @Post(uri = "/stations/search", consumes = MediaType.ALL)
    List<RbStation> searchPost(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return radioBrowser.search(parameters(request, body));
    }

    @Get("/stations/byuuid/{uuids}")
    List<RbStation> byUuidPath(String uuids) {
        return radioBrowser.byUuids(uuids);
    }

    @Get("/stations/byuuid")
    List<RbStation> byUuid(HttpRequest<?> request) {
        return byUuidParameter(parameters(request, null));
    }

    @Post(uri = "/stations/byuuid", consumes = MediaType.ALL)
    List<RbStation> byUuidPost(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return byUuidParameter(parameters(request, body));
    }

    @Get("/url/{stationuuid}")
    RbUrl url(String stationuuid, HttpRequest<?> request) {
        return radioBrowser.url(stationuuid, clients.of(request));
    }

    @Get("/tags")
    List<RbTag> tags(HttpRequest<?> request) {
        return radioBrowser.tags(parameters(request, null));
    }

    @Get("/codecs")
    List<RbTag> codecs(HttpRequest<?> request) {
        return radioBrowser.codecs(parameters(request, null));
    }

    @Get("/stats")
    RbStats stats() {
        return radioBrowser.stats();
    }

    @Get("/config")
    RbConfig config() {
        return radioBrowser.config();
    }

    private List<RbStation> byUuidParameter(RbParameters p) {
        String uuids = p.text("uuids", RadioBrowser.MAX_UUIDS_TEXT);
        if (uuids == null) {
            throw ProblemException.badRequest("uuids", "is required: comma-separated station ids");
        }
        return radioBrowser.byUuids(uuids);
    }

    private static RbParameters parameters(HttpRequest<?> request, @Nullable byte[] body) {
        return RbParameters.of(request.getParameters(), request.getContentType().orElse(null), body);
    }
}
