package org.ondes.catalog.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.catalog.Catalog;
import org.ondes.catalog.CatalogEntry;
import org.ondes.catalog.CatalogPage;
import org.ondes.catalog.StreamQuery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A search as a playlist: the same parameters as {@code GET /api/v1/streams}, every listen URL of the matching stations
 * (one page, at most 500 stations), each entry titled with its station's name.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchPlaylistsController {
    private final Catalog catalog;

    SearchPlaylistsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Get(value = "/streams.m3u", produces = PlaylistWriter.M3U_TYPE)
    HttpResponse<byte[]> m3u(HttpRequest<?> request) {
        return playlist(request, "m3u", PlaylistWriter.M3U_TYPE, PlaylistWriter::m3u);
    }

    @Get(value = "/streams.pls", produces = PlaylistWriter.PLS_TYPE)
    HttpResponse<byte[]> pls(HttpRequest<?> request) {
        return playlist(request, "pls", PlaylistWriter.PLS_TYPE, PlaylistWriter::pls);
    }

    @Get(value = "/streams.xspf", produces = PlaylistWriter.XSPF_TYPE)
    HttpResponse<byte[]> xspf(HttpRequest<?> request) {
        return playlist(request, "xspf", PlaylistWriter.XSPF_TYPE, PlaylistWriter::xspf);
    }

    private HttpResponse<byte[]> playlist(HttpRequest<?> request, String extension, String mediaType,
                                          Function<PlaylistWriter.Playlist, String> format) {
        CatalogPage page = catalog.search(StreamQuery.from(request.getParameters()));
        List<String> urls = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (CatalogEntry entry : page.items()) {
            for (String url : entry.listenUrls()) {
                urls.add(url);
                titles.add(entry.name());
            }
        }
        PlaylistWriter.Playlist playlist = new PlaylistWriter.Playlist("Ondes search", null, urls, titles);
        return HttpResponse.ok(format.apply(playlist).getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.of(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ondes-search." + extension + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=5")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
}
