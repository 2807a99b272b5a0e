package org.ondes.federation.remote;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a fetched actor document into a {@link RemoteActor}, refusing what Ondes cannot use or must not trust: an id
 * other than the URL it was fetched from, an inbox on another origin than the actor, no inbox, a key owned by someone
 * else. (Mastodon checks the same before it stores an actor.)
 */
public final class ActorDocumentParser {
    static final Set<String> ACTOR_TYPES = Set.of("Person", "Service", "Application", "Group", "Organization");

    private ActorDocumentParser() {
    }

    /** The actor, or a reason it is refused. */
    public sealed interface Result permits Parsed, Refused {
    }

    public record Parsed(RemoteActor actor) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    public static Result parse(String fetchedFrom, Map<String, Object> doc, Instant now) {
        Optional<String> id = ActorJson.string(doc, "id");
        if (id.isEmpty() || !id.get().equals(withoutFragment(fetchedFrom))) {
            return new Refused("its id is not the address it was fetched from");
        }
        String type = ActorJson.firstType(doc.get("type"));
        if (type == null || ACTOR_TYPES.stream().noneMatch(t -> ActorJson.isType(doc.get("type"), t))) {
            return new Refused("it is not an actor (type " + type + ")");
        }
        Optional<String> host = authority(id.get());
        Optional<String> inbox = ActorJson.id(doc.get("inbox"));
        if (host.isEmpty() || inbox.isEmpty() || !host.equals(authority(inbox.get()))) {
            return new Refused("it has no inbox on its own host");
        }
        String shared = ActorJson.object(doc.get("endpoints")).flatMap(e -> ActorJson.id(e.get("sharedInbox")))
                .filter(s -> host.equals(authority(s))).orElse(null);
        String keyId = null;
        String pem = null;
        Optional<Map<String, Object>> key = ActorJson.object(doc.get("publicKey"));
        if (key.isPresent()) {
            Optional<String> owner = ActorJson.id(key.get().get("owner"));
            if (owner.isPresent() && !owner.get().equals(id.get())) {
                return new Refused("its key belongs to another actor");
            }
            keyId = ActorJson.id(key.get().get("id")).orElse(null);
            pem = ActorJson.string(key.get(), "publicKeyPem").orElse(null);
        }
        return new Parsed(new RemoteActor(id.get(), host.get(), type,
                ActorJson.string(doc, "preferredUsername").orElse(null), ActorJson.string(doc, "name").orElse(null),
                inbox.get(), shared, keyId, pem, false, now));
    }

    /** The lower-case authority (host[:port]) of an absolute http(s) URL. */
    public static Optional<String> authority(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
                return Optional.empty();
            }
            int port = u.getPort();
            boolean dflt = port == -1 || (scheme.equals("https") ? port == 443 : port == 80);
            String h = u.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(dflt ? h : h + ":" + port);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
