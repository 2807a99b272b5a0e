package org.ondes.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.streams.StreamView;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;

import java.util.List;

/** What is live now: listed (verified, live) streams, most listeners first. */
@Controller("/api/v1/streams")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StreamsController {
    static final int MAX_LIMIT = 500;

    @Serdeable
    record Page(List<StreamView> items, long total) {
    }

    private final Streams streams;

    StreamsController(Streams streams) {
        this.streams = streams;
    }

    @Get
    HttpResponse<Page> list(@Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        int l = parse("limit", limit, 100, 1, MAX_LIMIT);
        int o = parse("offset", offset, 0, 0, 1_000_000);
        return HttpResponse.ok(new Page(streams.listed(l, o), streams.countListed()))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=5");
    }

    private static int parse(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }
}
