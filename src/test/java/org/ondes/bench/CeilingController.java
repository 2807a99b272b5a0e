package org.ondes.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.concurrent.CompletableFuture;

/**
 * Benchmark baseline: the same route shape, body binding and YP headers as the real endpoint, but no parsing and no
 * database. Its throughput is the HTTP ceiling of this server on this machine. Only present with {@code ondes.bench}.
 */
@Controller("/bench")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "ondes.bench", value = "true")
class CeilingController {
    @Post(uri = "/ceiling/{token}", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    CompletableFuture<MutableHttpResponse<String>> touch(String token, @Body byte[] body) {
        return CompletableFuture.completedFuture(HttpResponse.ok("Updated server info.\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("YPResponse", "1")
                .header("YPMessage", "Updated server info.")
                .header("TouchFreq", "180"));
    }

    /** GET baseline for the catalog benchmarks: a small constant JSON body, no database. */
    @Get(uri = "/ceiling-get", produces = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<String>> get() {
        return CompletableFuture.completedFuture(HttpResponse.ok("{\"items\":[],\"total\":0,\"next\":null}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
    }
}
