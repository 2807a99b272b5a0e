package org.ondes.federation.follows;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.federation.Activities;
import org.ondes.federation.ActivityResponses;
import org.ondes.federation.ActorUrls;
import org.ondes.federation.delivery.Deliveries;
import org.ondes.federation.discovery.PeerResolver;
import org.ondes.federation.remote.ActorDocumentParser;
import org.ondes.federation.remote.RemoteActors;
import org.ondes.streams.RemoteStreams;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * The instance actor's follows of other instances, as admins make them: resolve what they typed
 * ({@link PeerResolver}), record the follow as pending and queue the Follow (in one transaction), and take it back
 * with an Undo. The Accept or Reject that comes back moves it on (inbox).
 */
@Singleton
public class InstanceFollows {
    private final PeerResolver resolver;
    private final Following following;
    private final RemoteActors actors;
    private final Activities activities;
    private final ActivityResponses json;
    private final Deliveries deliveries;
    private final ActorUrls urls;
    private final RemoteStreams remote;

    InstanceFollows(PeerResolver resolver, Following following, RemoteActors actors, Activities activities,
                    ActivityResponses json, Deliveries deliveries, ActorUrls urls, RemoteStreams remote) {
        this.remote = remote;
        this.resolver = resolver;
        this.following = following;
        this.actors = actors;
        this.activities = activities;
        this.json = json;
        this.deliveries = deliveries;
        this.urls = urls;
    }

    /** A follow, and whether this call made it (false: the actor was followed already). */
    public record Outcome(Following.Follow follow, boolean created) {
    }

    /** Follows what {@code target} names; an actor already followed is answered with its existing follow. */
    public Outcome follow(String target, String by) {
        if (target == null || target.isBlank() || target.length() > 500) {
            throw ProblemException.badRequest("target", "give a domain, an actor URL or a handle (@user@host)");
        }
        PeerResolver.Resolution r = resolver.resolve(target);
        if (r instanceof PeerResolver.NotFound nf) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Nothing to follow", nf.reason());
        }
        PeerResolver.Found found = (PeerResolver.Found) r;
        if (found.actor().id().equals(urls.instanceActor())) {
            throw ProblemException.badRequest("target", "is this instance itself");
        }
        if (found.ondesCatalog()) {
            actors.markOndesCatalog(found.actor().id());
        }
        return record(target.strip(), found, by);
    }

    @Transactional
    Outcome record(String target, PeerResolver.Found found, String by) {
        String id = activities.newId();
        return following.add(target, found.actor().id(), id, by).map(f -> {
            Map<String, Object> follow = activities.follow(id, urls.instanceActor(), found.actor().id());
            deliveries.enqueue(id, json.bytes(follow), urls.instanceActor(), List.of(found.actor().inbox()));
            return new Outcome(f, true);
        }).orElseGet(() -> new Outcome(following.byActor(found.actor().id()).orElseThrow(), false));
    }

    /**
     * Takes a follow back (an Undo embedding the Follow goes to the actor); false when there was no such follow. The
     * live streams of that instance leave the catalog with it, unless another accepted follow on its host remains.
     */
    @Transactional
    public boolean unfollow(long id) {
        return following.byId(id).map(f -> {
            following.delete(id);
            ActorDocumentParser.authority(f.actor()).filter(host -> !following.acceptedOnHost(host))
                    .ifPresent(remote::endOfOrigin);
            actors.get(f.actor()).ifPresent(actor -> {
                Map<String, Object> undo = activities.undo(urls.instanceActor(),
                        activities.follow(f.followId(), urls.instanceActor(), f.actor()));
                deliveries.enqueue((String) undo.get("id"), json.bytes(undo), urls.instanceActor(),
                        List.of(actor.inbox()));
            });
            return true;
        }).orElse(false);
    }
}
