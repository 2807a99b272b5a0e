package org.ondes.federation.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.config.PublicUrls;
import org.ondes.federation.DomainBlocks;
import org.ondes.federation.remote.ActorDocumentParser;
import org.ondes.federation.remote.ActorJson;
import org.ondes.federation.remote.RemoteActors;
import org.ondes.federation.signatures.HttpVerifier;
import org.ondes.federation.signatures.ReceivedRequest;
import org.ondes.federation.signatures.Verification;
import org.ondes.web.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What every inbox does before answering: parse the raw bytes as an activity, refuse blocked domains (403), verify
 * the HTTP signature against those bytes and the headers as received (401: unverifiable, including signatures the
 * verifier does not support, so that double-knocking senders fall back), bind the signing key's owner to the
 * activity's {@code actor} (401 otherwise: one server must not speak for another), require the activity's id on the
 * actor's own host, then store it once per id (a replay or a shared-inbox duplicate is a no-op) and leave the work to
 * {@link InboxJob}, so the sender gets its 202 at once.
 */
@Singleton
public class Inbox {
    private final HttpVerifier verifier;
    private final DomainBlocks blocks;
    private final JsonMapper json;
    private final JdbcOperations jdbc;
    private final InboxJob job;
    private final String scheme;

    Inbox(RemoteActors actors, DomainBlocks blocks, JsonMapper json, JdbcOperations jdbc, InboxJob job, PublicUrls urls) {
        this.verifier = new HttpVerifier(actors, Clock.systemUTC());
        this.blocks = blocks;
        this.json = json;
        this.jdbc = jdbc;
        this.job = job;
        this.scheme = URI.create(urls.base()).getScheme();
    }

    /** A request to an inbox, as received; {@code localActor} is the inbox's owner (null: the shared inbox). */
    public void receive(String method, String requestTarget, org.ondes.federation.signatures.RequestHeaders headers,
                        byte[] body, String localActor) {
        Map<String, Object> activity = parse(body);
        String id = ActorJson.string(activity, "id").orElseThrow(() -> invalid("the activity has no id"));
        String actor = ActorJson.id(activity.get("actor")).orElseThrow(() -> invalid("the activity has no actor"));
        if (ActorJson.firstType(activity.get("type")) == null) {
            throw invalid("the activity has no type");
        }
        Optional<String> actorHost = ActorDocumentParser.authority(actor);
        if (actorHost.isEmpty()) {
            throw invalid("the activity's actor is not an http(s) URL");
        }
        if (blocks.blocks(actorHost.get())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Domain blocked",
                    "this directory does not federate with " + DomainBlocks.normalise(actorHost.get()));
        }
        Verification v = verifier.verify(new ReceivedRequest(method, requestTarget, headers, body, scheme));
        if (v instanceof Verification.Refused r) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Signature not verified", r.message());
        }
        String owner = ((Verification.Verified) v).ownerActorId();
        if (!owner.equals(actor)) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Signature not verified",
                    "signed by " + owner + ", but the activity's actor is " + actor);
        }
        if (!actorHost.equals(ActorDocumentParser.authority(id))) {
            throw invalid("the activity's id is not on its actor's host");
        }
        store(id, actor, localActor, body);
        job.wakeUp();
    }

    @Transactional
    void store(String id, String actor, String localActor, byte[] body) {
        jdbc.prepareStatement("""
                INSERT INTO fed_inbox (activity_id, actor, local_actor, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (activity_id) DO NOTHING
                """, ps -> {
            ps.setString(1, id);
            ps.setString(2, actor);
            ps.setString(3, localActor);
            ps.setBytes(4, body);
            return ps.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(byte[] body) {
        try {
            Object parsed = json.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (IOException | RuntimeException e) {
            // answered below
        }
        throw invalid("the body is not a JSON object");
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Not an acceptable activity", detail);
    }
}
