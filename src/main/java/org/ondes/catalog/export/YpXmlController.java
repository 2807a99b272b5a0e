package org.ondes.catalog.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import org.ondes.streams.Streams;
import org.ondes.web.Problem;
import org.reactivestreams.Publisher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * {@code GET /yp.xml}: every listed stream in dir.xiph.org's format, for VLC, Clementine, streamtuner2 and other
 * existing clients. Written while the rows are read from the database, so memory stays flat whatever the size;
 * compressed by the server's HTTP layer when the client accepts gzip (application/xml is a text type).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class YpXmlController {
    static final String MEDIA_TYPE = "application/xml; charset=UTF-8";
    static final String CACHE_CONTROL = "public, max-age=30";
    /** Exports at once; more would not be faster on a small machine and would take pooled connections from YP. */
    static final int MAX_CONCURRENT = 4;
    static final String RETRY_AFTER_SECONDS = "10";
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final Duration UNCLAIMED_SLOT = Duration.ofSeconds(10);

    private final Streams streams;
    private final ExecutorService executor;
    private final ExportSlots slots;

    YpXmlController(Streams streams, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                    @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.streams = streams;
        this.executor = executor;
        this.slots = new ExportSlots(MAX_CONCURRENT, UNCLAIMED_SLOT, scheduler);
    }

    @Get(value = "/yp.xml", produces = MEDIA_TYPE)
    HttpResponse<?> ypXml(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.HEAD) {
            return headers(HttpResponse.ok());
        }
        ExportSlots.Slot slot = slots.tryTake();
        if (slot == null) {
            Problem busy = Problem.of(503, "Service Unavailable", "Too many yp.xml downloads at once; retry in "
                    + RETRY_AFTER_SECONDS + " seconds.", request.getPath());
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(busy)
                    .contentType(MediaType.of(Problem.MEDIA_TYPE))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        Publisher<byte[]> body = StreamedBody.publisher(executor, out -> {
            slot.claim();
            try {
                write(out);
            } finally {
                slot.release();
            }
        }, STALL_TIMEOUT, DEADLINE);
        return headers(HttpResponse.ok(body));
    }

    private static <T> MutableHttpResponse<T> headers(MutableHttpResponse<T> response) {
        return response.contentType(MediaType.of(MEDIA_TYPE))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                // the same URL answers gzip or identity: shared caches must keep them apart
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    private void write(OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        YpXmlWriter xml = new YpXmlWriter(text);
        xml.begin();
        try {
            streams.forEachListed(stream -> {
                try {
                    xml.entry(stream);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        xml.end();
        text.flush();
    }
}
