package org.ondes.catalog.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import org.ondes.web.ProblemException;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code GET /api/v1/events}: the catalog's live feed as Server-Sent Events ({@code live}, {@code offline},
 * {@code nowPlaying}, {@code listeners}, and {@code resync} when the client must refetch the list). Anonymous, CORS
 * {@code *}. The stream itself is fed by {@link EventHub} and written from the connection's event loop.
 *
 * <p>Deliberately not {@code @ExecuteOn}: for a route on an executor that returns a stream, Micronaut hands every item
 * of the stream to that executor ({@code publishOn}), one task per client and event, 10,000 tasks per event with
 * 10,000 clients. Opening the client, which may read missed events from the database, runs on the blocking pool
 * through the returned future instead; the frames then go from the hub to the connection without a hop.
 */
@Controller("/api/v1/events")
@Secured(SecurityRule.IS_ANONYMOUS)
class EventsController {
    private static final Logger LOG = LoggerFactory.getLogger(EventsController.class);
    static final int MAX_STATIONS = 100;

    private final EventHub hub;
    private final ExecutorService blocking;
    private volatile boolean warnedUnpaced;

    EventsController(EventHub hub, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.hub = hub;
        this.blocking = blocking;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    CompletableFuture<HttpResponse<Publisher<SseFrame>>> events(@Nullable @Header("Last-Event-ID") String lastEventIdHeader,
                                                                @Nullable @QueryValue("lastEventId") String lastEventIdQuery,
                                                                @Nullable @QueryValue("station") List<String> station,
                                                                HttpRequest<?> request) {
        Set<UUID> stations = stations(station);
        String given = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdQuery;
        String resumeAfter = given != null && given.isBlank() ? null : given;
        ScheduledExecutorService loop = eventLoop(request);
        return CompletableFuture.supplyAsync(() -> respond(hub.open(stations, resumeAfter, loop)), blocking);
    }

    private static HttpResponse<Publisher<SseFrame>> respond(Publisher<SseFrame> stream) {
        return HttpResponse.<Publisher<SseFrame>>ok(stream)
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                // nginx: pass events through at once instead of buffering the response
                .header("X-Accel-Buffering", "no");
    }

    /**
     * The event loop of the request's connection (Micronaut's Netty request; an internal type, hence the fallback),
     * or null: the client's frames are then sent from the fan-out's thread, unpaced.
     */
    private ScheduledExecutorService eventLoop(HttpRequest<?> request) {
        HttpRequest<?> r = request;
        while (r instanceof HttpRequestWrapper<?> wrapper) {
            r = wrapper.getDelegate();
        }
        if (r instanceof NettyHttpRequest<?> netty) {
            return netty.getChannelHandlerContext().channel().eventLoop();
        }
        if (!warnedUnpaced) {
            warnedUnpaced = true;
            LOG.warn("Live feed: no event loop found for {}; events are sent unpaced", request.getClass().getName());
        }
        return null;
    }

    private static Set<UUID> stations(List<String> values) {
        Set<UUID> out = new HashSet<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            try {
                String s = v.trim();
                if (s.length() != 36) {
                    throw new IllegalArgumentException();
                }
                out.add(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("station", "must be a station id (UUID)");
            }
        }
        if (out.size() > MAX_STATIONS) {
            throw ProblemException.badRequest("station", "at most " + MAX_STATIONS + " stations");
        }
        return out;
    }
}
