package org.ondes.catalog.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.streams.StreamView;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Playlists of one live station, for players that open a link: every listen URL of the station's listed sessions
 * (relays and extra mounts), most listeners first, as M3U, PLS or XSPF.
 */
@Controller("/stations/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlaylistsController {
    static final String CACHE_CONTROL = "public, max-age=30";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Streams streams;

    PlaylistsController(Streams streams) {
        this.streams = streams;
    }

    @Get(value = "/listen.m3u", produces = PlaylistWriter.M3U_TYPE)
    HttpResponse<byte[]> m3u(@PathVariable String id) {
        return playlist(id, "m3u", PlaylistWriter.M3U_TYPE, PlaylistWriter::m3u);
    }

    @Get(value = "/listen.pls", produces = PlaylistWriter.PLS_TYPE)
    HttpResponse<byte[]> pls(@PathVariable String id) {
        return playlist(id, "pls", PlaylistWriter.PLS_TYPE, PlaylistWriter::pls);
    }

    @Get(value = "/listen.xspf", produces = PlaylistWriter.XSPF_TYPE)
    HttpResponse<byte[]> xspf(@PathVariable String id) {
        return playlist(id, "xspf", PlaylistWriter.XSPF_TYPE, PlaylistWriter::xspf);
    }

    private HttpResponse<byte[]> playlist(String id, String extension, String mediaType,
                                          Function<PlaylistWriter.Playlist, String> format) {
        List<StreamView> live = streams.listedOfStation(stationId(id));
        if (live.isEmpty()) {
            throw ProblemException.notFound("no live station with id " + id);
        }
        StreamView first = live.get(0);
        PlaylistWriter.Playlist playlist = new PlaylistWriter.Playlist(first.name(), first.homepage(),
                live.stream().map(StreamView::listenUrl).toList());
        return HttpResponse.ok(format.apply(playlist).getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.of(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + PlaylistWriter.fileName(first.name()) + "." + extension + "\"")
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    /** Only the canonical 8-4-4-4-12 form: {@link UUID#fromString} also accepts shortened groups such as 1-1-1-1-1. */
    private static UUID stationId(String id) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw ProblemException.badRequest("id", "must be a station id (a UUID such as 0b7e2f5c-3d7a-4c1e-9a55-2f0d8b1c6e21)");
        }
        return UUID.fromString(id);
    }
}
