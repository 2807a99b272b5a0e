package org.ondes.federation.catalog;

import jakarta.inject.Singleton;
import org.ondes.federation.FederationSettings;
import org.ondes.federation.follows.Following;
import org.ondes.federation.remote.ActorDocumentParser;
import org.ondes.federation.remote.ActorJson;
import org.ondes.federation.remote.RemoteFetcher;
import org.ondes.probe.AddressPolicy;
import org.ondes.streams.RemoteListing;
import org.ondes.streams.RemoteStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Live streams other Ondes instances announce (docs/federation.md, "Receiving rules"): a Create or Update of an
 * {@code Audio} is taken only from an actor on a host this instance follows (accepted); its embedded object is used
 * only when it is the sender's own (id on the sender's host, attributed to the sender), else it is fetched again by
 * id and used only if the document has that id and is attributed to an actor on its own, followed, host. A Delete
 * ends a session only for an object on the sender's host. Listen URLs that can never reach listeners are refused
 * like a YP add's.
 */
@Singleton
public class LiveAudio {
    private static final Logger LOG = LoggerFactory.getLogger(LiveAudio.class);
    private final Following following;
    private final RemoteFetcher fetcher;
    private final RemoteStreams remote;
    private final AddressPolicy policy;

    LiveAudio(Following following, RemoteFetcher fetcher, RemoteStreams remote, FederationSettings settings) {
        this.following = following;
        this.fetcher = fetcher;
        this.remote = remote;
        this.policy = new AddressPolicy(settings.allowPrivateAddresses());
    }

    /** Whether a Create or Update is about an Audio (embedded); a bare id is looked at by {@link #received}. */
    public static boolean mayBeAudio(Object object) {
        Optional<Map<String, Object>> embedded = ActorJson.object(object);
        return embedded.isEmpty() ? ActorJson.id(object).isPresent() : ActorJson.isType(embedded.get().get("type"), "Audio");
    }

    /** A Create or Update (an Update of an unknown object creates it) from the verified {@code actor}. */
    public RemoteStreams.Outcome received(String actor, Map<String, Object> activity) {
        Optional<String> actorHost = ActorDocumentParser.authority(actor);
        if (actorHost.isEmpty() || !following.acceptedOnHost(actorHost.get())) {
            LOG.debug("Ignoring live streams from {}: its host is not followed", actor);
            return RemoteStreams.Outcome.REFUSED;
        }
        Object object = activity.get("object");
        Optional<String> objectId = ActorJson.id(object);
        if (objectId.isEmpty()) {
            return RemoteStreams.Outcome.REFUSED;
        }
        Optional<Map<String, Object>> embedded = ActorJson.object(object);
        boolean own = embedded.isPresent()
                && ActorDocumentParser.authority(objectId.get()).equals(actorHost)
                && ActorJson.id(embedded.get().get("attributedTo")).filter(actor::equals).isPresent();
        Optional<Map<String, Object>> doc = own ? embedded : fetched(objectId.get());
        if (doc.isEmpty()) {
            return RemoteStreams.Outcome.REFUSED;
        }
        AudioParser.Result parsed = AudioParser.parse(doc.get(), Instant.now());
        if (parsed instanceof AudioParser.Refused r) {
            LOG.info("Audio {} from {} refused: {}", objectId.get(), actor, r.reason());
            return RemoteStreams.Outcome.REFUSED;
        }
        RemoteListing listing = ((AudioParser.Parsed) parsed).listing();
        Optional<String> unreachable = unreachable(listing);
        if (unreachable.isPresent()) {
            LOG.info("Audio {} from {} refused: listen URL {}", objectId.get(), actor, unreachable.get());
            return RemoteStreams.Outcome.REFUSED;
        }
        return remote.upsert(listing);
    }

    /** A Delete of an object (not of the actor itself): ends its session if it is on the sender's host. */
    public boolean deleted(String actor, String objectId) {
        Optional<String> actorHost = ActorDocumentParser.authority(actor);
        if (actorHost.isEmpty() || !ActorDocumentParser.authority(objectId).equals(actorHost)) {
            LOG.info("Ignoring {}'s Delete of {}: not an object of its host", actor, objectId);
            return false;
        }
        return remote.end(objectId, actorHost.get());
    }

    /**
     * The object fetched by id, if it is what it claims: the same id, attributed to an actor on its own host, that
     * host followed.
     */
    private Optional<Map<String, Object>> fetched(String objectId) {
        RemoteFetcher.Fetched f = fetcher.get(objectId);
        if (!(f instanceof RemoteFetcher.Document d)) {
            LOG.info("Audio {} not used: fetching it failed ({})", objectId, ((RemoteFetcher.Failure) f).reason());
            return Optional.empty();
        }
        Map<String, Object> body = d.body();
        Optional<String> host = ActorDocumentParser.authority(objectId);
        boolean same = ActorJson.string(body, "id").filter(objectId::equals).isPresent();
        boolean attributed = ActorJson.id(body.get("attributedTo")).flatMap(ActorDocumentParser::authority)
                .equals(host);
        if (!same || !attributed || !following.acceptedOnHost(host.orElseThrow())) {
            LOG.info("Audio {} not used: the fetched document is not that object of a followed instance", objectId);
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private Optional<String> unreachable(RemoteListing l) {
        return policy.refuseWithoutLookup(l.listenUrl().getHost());
    }
}
