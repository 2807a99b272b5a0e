package org.ondes.federation.actors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.ActivityResponses;

/**
 * Actor documents, served without requiring a signature so that key fetches never loop. A station's actor shares its
 * page's URL, so it is answered by {@link ActorNegotiationFilter} in front of the page's route.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class ActorsController {
    private final ActorDocuments documents;
    private final ActivityResponses responses;

    ActorsController(ActorDocuments documents, ActivityResponses responses) {
        this.documents = documents;
        this.responses = responses;
    }

    @Get(value = "/actor", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", "application/json"})
    MutableHttpResponse<byte[]> instance() {
        return responses.activity(documents.instance());
    }
}
