package org.ondes.yp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import org.ondes.limits.ClientAddresses;

import java.util.concurrent.CompletableFuture;

/**
 * The Icecast YP endpoint at a per-user token URL. Always HTTP 200 with the YP headers spelled exactly as Icecast
 * expects ({@code YPResponse}, {@code YPMessage}, {@code SID}, {@code TouchFreq}); parsing happens on the event loop,
 * storage on worker threads or the touch batcher.
 */
@Controller("/api/icecast/yp")
@Secured(SecurityRule.IS_ANONYMOUS)
class YpController {
    static final String PATH = "/api/icecast/yp/";
    static final int MAX_BODY = 64 * 1024;
    private final YpIngest ingest;
    private final ClientAddresses clients;

    YpController(YpIngest ingest, ClientAddresses clients) {
        this.ingest = ingest;
        this.clients = clients;
    }

    @Post(uri = "/{token}", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    CompletableFuture<MutableHttpResponse<String>> post(String token, @Nullable @Body byte[] body, HttpRequest<?> request) {
        return announce(token, body == null ? new byte[0] : body, request);
    }

    @Get(uri = "/{token}", produces = MediaType.TEXT_PLAIN)
    CompletableFuture<MutableHttpResponse<String>> get(String token, HttpRequest<?> request) {
        return announce(token, new byte[0], request);
    }

    private CompletableFuture<MutableHttpResponse<String>> announce(String token, byte[] body, HttpRequest<?> request) {
        if (body.length > MAX_BODY) {
            return CompletableFuture.completedFuture(write(YpReply.refused(YpMessages.TOO_LARGE)));
        }
        YpRequest parsed = YpRequestParser.parse(body, request.getUri().getRawQuery());
        Requester who = new Requester(clients.of(request), request.getHeaders().get("User-Agent"));
        return ingest.handle(token, parsed, who)
                .exceptionally(e -> YpReply.ok("Request noted; the directory is busy.", null))
                .thenApply(YpController::write);
    }

    static MutableHttpResponse<String> write(YpReply reply) {
        String message = reply.headerMessage();
        MutableHttpResponse<String> response = HttpResponse.ok(message + "\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("YPResponse", reply.ok() ? "1" : "0")
                .header("YPMessage", message);
        if (reply.sid() != null) {
            response.header("SID", reply.sid());
        }
        if (reply.touchFreq() != null) {
            response.header("TouchFreq", Integer.toString(reply.touchFreq()));
        }
        return response;
    }
}
