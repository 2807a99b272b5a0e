package org.ondes.federation.discovery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.ActivityResponses;
import org.ondes.federation.ActorUrls;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * WebFinger (RFC 7033) for the station actors and the instance actor: {@code acct:handle@host} → the actor's id, so
 * that {@code @handle@host} can be searched and followed from Mastodon. An actor URL is accepted as resource too.
 * Mastodon checks the round trip: the subject is always the acct: form of the actor's preferredUsername.
 */
@Controller("/.well-known/webfinger")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class WebFingerController {
    private final ActorUrls urls;
    private final Streams streams;
    private final ActivityResponses responses;

    WebFingerController(ActorUrls urls, Streams streams, ActivityResponses responses) {
        this.urls = urls;
        this.streams = streams;
        this.responses = responses;
    }

    @Get(produces = {ActivityMedia.JRD_JSON, "application/json"})
    MutableHttpResponse<byte[]> finger(@Nullable @QueryValue String resource) {
        if (resource == null || resource.isBlank()) {
            throw ProblemException.badRequest("resource", "is required, e.g. acct:name@" + urls.authority());
        }
        Target target = resolve(resource.strip())
                .orElseThrow(() -> ProblemException.notFound("no account " + resource.strip() + " on this instance"));
        String page = target.page();
        Map<String, Object> jrd = Map.of(
                "subject", "acct:" + target.name() + "@" + urls.authority(),
                "aliases", List.of(target.actor()),
                "links", List.of(
                        Map.of("rel", "self", "type", ActivityMedia.ACTIVITY_JSON, "href", target.actor()),
                        Map.of("rel", "http://webfinger.net/rel/profile-page", "type", "text/html", "href", page)));
        return responses.document(jrd, ActivityMedia.JRD_JSON);
    }

    private record Target(String name, String actor, String page) {
    }

    private Optional<Target> resolve(String resource) {
        Optional<Acct> acct = Acct.parse(resource);
        if (acct.isPresent()) {
            if (!acct.get().isAt(urls.authority())) {
                return Optional.empty();
            }
            return byName(acct.get().name());
        }
        if (resource.equals(urls.instanceActor())) {
            return byName(ActorUrls.INSTANCE_NAME);
        }
        return urls.stationOf(resource).flatMap(id -> streams.reachable(id).map(s -> station(s.profile().handle(), id)));
    }

    private Optional<Target> byName(String name) {
        if (name.equals(ActorUrls.INSTANCE_NAME)) {
            return Optional.of(new Target(name, urls.instanceActor(), urls.home()));
        }
        return streams.stationIdByHandle(name).map(id -> station(name, id));
    }

    private Target station(String handle, UUID id) {
        String actor = urls.station(id);
        return new Target(handle, actor, actor);
    }
}
