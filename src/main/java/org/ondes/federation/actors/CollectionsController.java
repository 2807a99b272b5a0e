package org.ondes.federation.actors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.ActivityResponses;
import org.ondes.federation.ActorUrls;
import org.ondes.federation.follows.Followers;
import org.ondes.federation.follows.Following;
import org.ondes.federation.outbox.StationOutbox;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;
import org.ondes.web.StationIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The actors' collections. Followers and following are given as counts only ({@code totalItems}, no member list):
 * who follows a station is its followers' business, as on most fediverse servers. Stations follow nobody. A station's
 * outbox holds its go-live Notes ({@link StationOutbox}); the instance actor's is empty.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class CollectionsController {
    private final ActorUrls urls;
    private final Followers followers;
    private final Following following;
    private final Streams streams;
    private final ActivityResponses responses;
    private final StationOutbox outbox;

    CollectionsController(ActorUrls urls, Followers followers, Following following, Streams streams,
                          ActivityResponses responses, StationOutbox outbox) {
        this.outbox = outbox;
        this.urls = urls;
        this.followers = followers;
        this.following = following;
        this.streams = streams;
        this.responses = responses;
    }

    @Get(value = "/actor/followers", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", "application/json"})
    MutableHttpResponse<byte[]> instanceFollowers() {
        return collection(urls.followers(urls.instanceActor()), followers.count(Followers.INSTANCE));
    }

    @Get(value = "/actor/following", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", "application/json"})
    MutableHttpResponse<byte[]> instanceFollowing() {
        return collection(urls.following(urls.instanceActor()), following.countAccepted());
    }

    @Get(value = "/actor/outbox", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", "application/json"})
    MutableHttpResponse<byte[]> instanceOutbox() {
        return collection(urls.outbox(urls.instanceActor()), 0);
    }

    @Get(value = "/stations/{id}/followers", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", "application/json"})
    MutableHttpResponse<byte[]> stationFollowers(@PathVariable String id) {
        UUID station = station(id);
        return collection(urls.followers(urls.station(station)), followers.count(station.toString()));
    }

    @Get(value = "/stations/{id}/following", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", "application/json"})
    MutableHttpResponse<byte[]> stationFollowing(@PathVariable String id) {
        return collection(urls.following(urls.station(station(id))), 0);
    }

    @Get(value = "/stations/{id}/outbox", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", "application/json"})
    MutableHttpResponse<byte[]> stationOutbox(@PathVariable String id, @Nullable @QueryValue Integer page) {
        UUID station = station(id);
        return responses.activity(page == null ? outbox.collection(station) : outbox.page(station, page));
    }

    private UUID station(String id) {
        return StationIds.parse(id).filter(s -> streams.reachable(s).isPresent())
                .orElseThrow(() -> ProblemException.notFound("no station " + id));
    }

    private MutableHttpResponse<byte[]> collection(String id, long total) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of("https://www.w3.org/ns/activitystreams"));
        doc.put("id", id);
        doc.put("type", "OrderedCollection");
        doc.put("totalItems", total);
        return responses.activity(doc);
    }
}
