package org.ondes.federation.remote;

import jakarta.inject.Singleton;
import org.ondes.federation.signatures.ActorKey;
import org.ondes.federation.signatures.PublicKeys;
import org.ondes.federation.signatures.RsaKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Other servers' actors, fetched on demand and kept in PostgreSQL: for delivering to them and for checking their
 * signatures. A stored actor is used for a day, then fetched again; a signature that fails with a stored key makes
 * the key be fetched again once (key rotation), but not more often than once a minute per actor (a flood of bad
 * signatures must not turn into a flood of fetches). When the remote cannot be reached, the stored copy is used.
 */
@Singleton
public class RemoteActors implements PublicKeys {
    static final Duration FRESH = Duration.ofDays(1);
    static final Duration REFETCH_AT_MOST_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RemoteActors.class);
    private final RemoteActorStore store;
    private final RemoteFetcher fetcher;

    RemoteActors(RemoteActorStore store, RemoteFetcher fetcher) {
        this.store = store;
        this.fetcher = fetcher;
    }

    /** The actor, from the store while fresh, else fetched; empty when it cannot be had or is not a usable actor. */
    public Optional<RemoteActor> get(String actorId) {
        Optional<RemoteActor> stored = store.byId(actorId);
        if (stored.isPresent() && stored.get().fetchedAt().isAfter(Instant.now().minus(FRESH))) {
            return stored;
        }
        return fetch(actorId).or(() -> stored);
    }

    /** Fetches the actor again and stores it. */
    public Optional<RemoteActor> fetch(String actorId) {
        RemoteFetcher.Fetched fetched = fetcher.get(actorId);
        if (!(fetched instanceof RemoteFetcher.Document doc)) {
            LOG.info("Could not fetch actor {}: {}", actorId, ((RemoteFetcher.Failure) fetched).reason());
            return Optional.empty();
        }
        ActorDocumentParser.Result parsed = ActorDocumentParser.parse(actorId, doc.body(), Instant.now());
        if (parsed instanceof ActorDocumentParser.Refused r) {
            LOG.info("Actor {} refused: {}", actorId, r.reason());
            return Optional.empty();
        }
        return Optional.of(store.save(((ActorDocumentParser.Parsed) parsed).actor()));
    }

    /** Remembers that this actor is an Ondes catalog (its NodeInfo said so, or it followed our instance actor). */
    public void markOndesCatalog(String actorId) {
        store.markOndesCatalog(actorId);
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean refetch) {
        if (keyId == null || ActorDocumentParser.authority(keyId).isEmpty()) {
            return Optional.empty();
        }
        Optional<RemoteActor> stored = store.byKeyId(keyId)
                .or(() -> store.byId(ActorDocumentParser.withoutFragment(keyId)).filter(a -> a.keyId() != null
                        && ActorDocumentParser.withoutFragment(a.keyId()).equals(a.id())));
        boolean mayFetch = stored.isEmpty() || (refetch
                && stored.get().fetchedAt().isBefore(Instant.now().minus(REFETCH_AT_MOST_EVERY)))
                || stored.get().fetchedAt().isBefore(Instant.now().minus(FRESH));
        Optional<RemoteActor> actor = stored;
        if (mayFetch) {
            actor = fetchKeyOwner(keyId).or(() -> stored);
        }
        return actor.flatMap(a -> key(a, keyId));
    }

    /**
     * Fetches what a keyId names: usually {@code <actor>#main-key} (the actor document), or a separate key document
     * whose {@code owner} must be an actor that lists this very key.
     */
    private Optional<RemoteActor> fetchKeyOwner(String keyId) {
        String url = ActorDocumentParser.withoutFragment(keyId);
        RemoteFetcher.Fetched fetched = fetcher.get(url);
        if (!(fetched instanceof RemoteFetcher.Document doc)) {
            return Optional.empty();
        }
        Map<String, Object> body = doc.body();
        if (body.containsKey("inbox")) {
            ActorDocumentParser.Result parsed = ActorDocumentParser.parse(url, body, Instant.now());
            return parsed instanceof ActorDocumentParser.Parsed p ? Optional.of(store.save(p.actor())) : Optional.empty();
        }
        Optional<String> owner = ActorJson.id(body.get("owner"));
        if (owner.isEmpty() || !ActorDocumentParser.authority(owner.get()).equals(ActorDocumentParser.authority(url))) {
            return Optional.empty();
        }
        return fetch(owner.get()).filter(a -> keyId.equals(a.keyId()));
    }

    private static Optional<ActorKey> key(RemoteActor a, String keyId) {
        boolean named = keyId.equals(a.keyId()) || keyId.equals(a.id());
        if (!named || a.publicKeyPem() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ActorKey(RsaKeys.parsePublicKey(a.publicKeyPem()), a.id()));
        } catch (InvalidKeyException e) {
            LOG.info("Actor {} publishes an unusable key: {}", a.id(), e.getMessage());
            return Optional.empty();
        }
    }
}
