package org.ondes.federation.inbox;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.federation.ActorUrls;
import org.ondes.federation.catalog.LiveAudio;
import org.ondes.federation.follows.Followers;
import org.ondes.federation.follows.Following;
import org.ondes.federation.remote.ActorJson;
import org.ondes.federation.remote.RemoteActor;
import org.ondes.federation.remote.RemoteActors;
import org.ondes.streams.RemoteStreams;
import org.ondes.streams.Streams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a verified activity does. Embedded objects from another origin are never trusted: only ids are taken from
 * them, and whose they are is checked against the activity's (verified) actor. Create, Update and Delete of other
 * instances' live streams (Audio) go to {@link LiveAudio}. Unknown activity types are accepted and ignored, as the
 * protocol expects.
 */
@Singleton
class ActivityHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityHandlers.class);
    private final ActorUrls urls;
    private final Streams streams;
    private final Followers followers;
    private final Following following;
    private final RemoteActors actors;
    private final ApplicationEventPublisher<FollowAccepted> accepted;
    private final LiveAudio liveAudio;

    ActivityHandlers(ActorUrls urls, Streams streams, Followers followers, Following following, RemoteActors actors,
                     ApplicationEventPublisher<FollowAccepted> accepted, LiveAudio liveAudio) {
        this.liveAudio = liveAudio;
        this.urls = urls;
        this.streams = streams;
        this.followers = followers;
        this.following = following;
        this.actors = actors;
        this.accepted = accepted;
    }

    /** Handles one stored activity; throws when it should be tried again later (e.g. its actor cannot be fetched). */
    @Transactional
    void handle(Map<String, Object> activity) {
        String actor = ActorJson.id(activity.get("actor")).orElseThrow();
        String type = ActorJson.firstType(activity.get("type"));
        switch (type == null ? "" : type) {
            case "Follow" -> follow(actor, activity);
            case "Undo" -> undo(actor, activity);
            case "Create", "Update" -> createOrUpdate(actor, activity);
            case "Delete" -> delete(actor, activity);
            case "Accept", "Reject" -> answer(actor, activity, "Accept".equals(type));
            default -> LOG.debug("Ignoring a {} from {}", type, actor);
        }
    }

    private void follow(String actor, Map<String, Object> follow) {
        Optional<String> local = ActorJson.id(follow.get("object")).flatMap(this::localActor);
        if (local.isEmpty()) {
            LOG.info("Follow {} from {} names no actor of ours", follow.get("id"), actor);
            return;
        }
        RemoteActor follower = actors.get(actor)
                .orElseThrow(() -> new IllegalStateException("the follower " + actor + " cannot be fetched"));
        String followId = ActorJson.string(follow, "id").orElseThrow();
        followers.add(local.get(), actor, followId);
        if (Followers.INSTANCE.equals(local.get())) {
            actors.markOndesCatalog(actor); // who follows the instance actor wants the catalog's activities
        }
        accepted.publishEvent(new FollowAccepted(actorId(local.get()), follow, follower.inbox()));
        LOG.info("{} now follows {}", actor, actorId(local.get()));
    }

    private void undo(String actor, Map<String, Object> undo) {
        Object object = undo.get("object");
        Optional<Map<String, Object>> embedded = ActorJson.object(object);
        if (embedded.isPresent() && !ActorJson.isType(embedded.get().get("type"), "Follow")) {
            return; // only follows are undone here
        }
        Optional<String> followId = ActorJson.id(object);
        boolean removed = followId.isPresent() && followers.removeByFollow(actor, followId.get());
        if (!removed && embedded.isPresent()) {
            // some servers undo with a fresh id: match by who follows whom, the follower being the signer
            removed = ActorJson.id(embedded.get().get("object")).flatMap(this::localActor)
                    .map(local -> followers.remove(local, actor)).orElse(false);
        }
        LOG.info("Undo of follow {} by {}: {}", followId.orElse("?"), actor, removed ? "unfollowed" : "nothing to undo");
    }

    /** An answer to the instance actor's Follow: the Follow by id, embedded (only its id is used) or not named. */
    private void answer(String actor, Map<String, Object> answer, boolean accepted) {
        Object object = answer.get("object");
        Optional<Map<String, Object>> embedded = ActorJson.object(object);
        if (embedded.isPresent() && embedded.get().containsKey("type")
                && !ActorJson.isType(embedded.get().get("type"), "Follow")) {
            return;
        }
        String followId = ActorJson.id(object).orElse(null);
        boolean changed = following.answered(actor, followId, accepted);
        LOG.info("{} {} our follow {}{}", actor, accepted ? "accepted" : "rejected", followId,
                changed ? "" : " (no pending follow matched)");
    }

    /** Another instance's live stream ({@link LiveAudio}); other objects are not ours to keep. */
    private void createOrUpdate(String actor, Map<String, Object> activity) {
        if (LiveAudio.mayBeAudio(activity.get("object"))) {
            RemoteStreams.Outcome outcome = liveAudio.received(actor, activity);
            LOG.debug("{} {} from {}: {}", activity.get("type"), ActorJson.id(activity.get("object")).orElse("?"), actor,
                    outcome);
        }
    }

    private void delete(String actor, Map<String, Object> delete) {
        Optional<String> object = ActorJson.id(delete.get("object"));
        if (object.filter(actor::equals).isPresent()) {
            int n = followers.removeActor(actor); // the actor itself was deleted
            LOG.info("Actor {} was deleted; {} follows ended", actor, n);
        } else if (object.isPresent() && liveAudio.deleted(actor, object.get())) {
            LOG.info("{} ended its live stream {}", actor, object.get());
        }
    }

    /** Our actor named by an id: {@code instance} or a reachable station's id. */
    Optional<String> localActor(String id) {
        if (urls.instanceActor().equals(id)) {
            return Optional.of(Followers.INSTANCE);
        }
        return urls.stationOf(id).filter(s -> streams.reachable(s).isPresent()).map(UUID::toString);
    }

    private String actorId(String local) {
        return Followers.INSTANCE.equals(local) ? urls.instanceActor() : urls.station(UUID.fromString(local));
    }
}
