package org.ondes.federation.actors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.ActivityResponses;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;
import org.ondes.web.StationIds;

import java.util.UUID;

/**
 * A station's page URL is also its actor id. Two routes on one path would leave {@code Accept: *}{@code /*} (curl,
 * many libraries) ambiguous, so the page keeps the route and this filter answers, before it, the requests that ask
 * for ActivityStreams ({@link ActivityMedia#wantsActivity}). A station hidden by a moderator is 404 like its page.
 */
@ServerFilter("/stations/*")
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class ActorNegotiationFilter {
    private static final String PREFIX = "/stations/";
    private final ActorDocuments documents;
    private final ActivityResponses responses;
    private final Streams streams;

    ActorNegotiationFilter(ActorDocuments documents, ActivityResponses responses, Streams streams) {
        this.documents = documents;
        this.responses = responses;
        this.streams = streams;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> actor(HttpRequest<?> request) {
        if (!(request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                || !ActivityMedia.wantsActivity(String.join(",", request.getHeaders().getAll(HttpHeaders.ACCEPT)))) {
            return null;
        }
        String id = request.getPath().substring(PREFIX.length());
        UUID stationId = StationIds.parse(id).orElseThrow(() -> ProblemException.notFound("no station " + id));
        Streams.ReachableStation station = streams.reachable(stationId)
                .orElseThrow(() -> ProblemException.notFound("no station " + stationId));
        return responses.activity(documents.station(station));
    }
}
