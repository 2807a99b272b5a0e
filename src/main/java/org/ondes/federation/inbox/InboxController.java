package org.ondes.federation.inbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.federation.follows.Followers;
import org.ondes.federation.signatures.RequestHeaders;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;
import org.ondes.web.StationIds;

import java.util.UUID;

/**
 * The inboxes: the shared one ({@code /inbox}), the instance actor's and each station's. The body is taken as raw
 * bytes (the signature's Digest is over exactly those; it is capped at 1 MiB like every JSON body) with any content
 * type, since senders label ActivityStreams in several ways. Answers 202 once the activity is stored.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class InboxController {
    private final Inbox inbox;
    private final Streams streams;

    InboxController(Inbox inbox, Streams streams) {
        this.inbox = inbox;
        this.streams = streams;
    }

    @Post("/inbox")
    @Consumes(MediaType.ALL)
    HttpResponse<?> shared(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return receive(request, body, null);
    }

    @Post("/actor/inbox")
    @Consumes(MediaType.ALL)
    HttpResponse<?> instance(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return receive(request, body, Followers.INSTANCE);
    }

    @Post("/stations/{id}/inbox")
    @Consumes(MediaType.ALL)
    HttpResponse<?> station(@PathVariable String id, HttpRequest<?> request, @Nullable @Body byte[] body) {
        UUID stationId = StationIds.parse(id).filter(s -> streams.reachable(s).isPresent())
                .orElseThrow(() -> ProblemException.notFound("no station " + id));
        return receive(request, body, stationId.toString());
    }

    private HttpResponse<?> receive(HttpRequest<?> request, byte[] body, String localActor) {
        RequestHeaders headers = new RequestHeaders();
        request.getHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        String query = request.getUri().getRawQuery();
        String target = request.getUri().getRawPath() + (query == null ? "" : "?" + query);
        inbox.receive(request.getMethodName(), target, headers, body == null ? new byte[0] : body, localActor);
        return HttpResponse.accepted();
    }
}
