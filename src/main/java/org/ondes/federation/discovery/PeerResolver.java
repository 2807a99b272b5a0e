package org.ondes.federation.discovery;

import jakarta.inject.Singleton;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.remote.ActorDocumentParser;
import org.ondes.federation.remote.ActorJson;
import org.ondes.federation.remote.RemoteActor;
import org.ondes.federation.remote.RemoteActors;
import org.ondes.federation.remote.RemoteFetcher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the actor an admin means when they ask this instance to follow something: a domain (its NodeInfo must say it
 * is an Ondes catalog; its instance actor is then followed), an actor URL, or a handle {@code @user@host} (through
 * WebFinger). Every request goes through {@link RemoteFetcher} (SSRF guard, domain blocks).
 */
@Singleton
public class PeerResolver {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");
    private final RemoteFetcher fetcher;
    private final RemoteActors actors;

    PeerResolver(RemoteFetcher fetcher, RemoteActors actors) {
        this.fetcher = fetcher;
        this.actors = actors;
    }

    /** The actor, or why it could not be found. */
    public sealed interface Resolution permits Found, NotFound {
    }

    /** @param ondesCatalog the target is an Ondes instance actor (its NodeInfo said so) */
    public record Found(RemoteActor actor, boolean ondesCatalog) implements Resolution {
    }

    public record NotFound(String reason) implements Resolution {
    }

    public Resolution resolve(String target) {
        String t = target == null ? "" : target.strip();
        if (t.startsWith("http://") || t.startsWith("https://")) {
            return actor(t, isOndesCatalogAt(t));
        }
        if (t.startsWith("@") || t.startsWith("acct:")) {
            Optional<Acct> acct = Acct.parse(t.startsWith("acct:") ? t : "acct:" + t);
            return acct.map(this::finger).orElseGet(() -> new NotFound("not a handle of the form @user@host"));
        }
        String domain = t.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            return new NotFound("give a domain (ondes.example.org), an actor URL or a handle (@user@host)");
        }
        return instanceOf(domain);
    }

    private Resolution instanceOf(String domain) {
        for (String scheme : List.of("https", "http")) {
            Optional<Map<String, Object>> nodeinfo = nodeInfo(scheme + "://" + domain);
            if (nodeinfo.isEmpty()) {
                continue;
            }
            Map<String, Object> doc = nodeinfo.get();
            Optional<String> name = ActorJson.object(doc.get("software")).flatMap(s -> ActorJson.string(s, "name"));
            Optional<Map<String, Object>> ondes = ActorJson.object(doc.get("metadata"))
                    .flatMap(m -> ActorJson.object(m.get("ondes")));
            if (!name.filter("ondes"::equals).isPresent() || ondes.isEmpty()
                    || !Boolean.TRUE.equals(ondes.get().get("catalog"))) {
                return new NotFound(domain + " is not an Ondes catalog (its NodeInfo says software "
                        + name.orElse("unknown") + ")");
            }
            Optional<String> instanceActor = ActorJson.string(ondes.get(), "instanceActor")
                    .filter(a -> ActorDocumentParser.authority(a).filter(domain::equals).isPresent());
            if (instanceActor.isEmpty()) {
                return new NotFound(domain + " names no instance actor of its own in its NodeInfo");
            }
            return actor(instanceActor.get(), true);
        }
        return new NotFound("no NodeInfo at " + domain + " (is it an ActivityPub server, and reachable?)");
    }

    private Optional<Map<String, Object>> nodeInfo(String base) {
        return fetcher.json(base + "/.well-known/nodeinfo", "application/json").flatMap(PeerResolver::nodeInfoHref)
                .filter(href -> ActorDocumentParser.authority(href).equals(ActorDocumentParser.authority(base)))
                .flatMap(href -> fetcher.json(href, "application/json"));
    }

    private static Optional<String> nodeInfoHref(Map<String, Object> index) {
        if (!(index.get("links") instanceof List<?> links)) {
            return Optional.empty();
        }
        String best = null;
        for (Object l : links) {
            if (l instanceof Map<?, ?> link && link.get("rel") instanceof String rel && link.get("href") instanceof String href
                    && rel.startsWith("http://nodeinfo.diaspora.software/ns/schema/2.")) {
                if (best == null || rel.endsWith("2.1")) {
                    best = href;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean isOndesCatalogAt(String actorUrl) {
        return ActorDocumentParser.authority(actorUrl).flatMap(host -> {
            String scheme = actorUrl.startsWith("https://") ? "https" : "http";
            return nodeInfo(scheme + "://" + host).flatMap(doc -> ActorJson.object(doc.get("metadata"))
                    .flatMap(m -> ActorJson.object(m.get("ondes"))).flatMap(o -> ActorJson.string(o, "instanceActor")));
        }).filter(actorUrl::equals).isPresent();
    }

    private Resolution finger(Acct acct) {
        for (String scheme : List.of("https", "http")) {
            String url = scheme + "://" + acct.authority() + "/.well-known/webfinger?resource="
                    + URLEncoder.encode(acct.uri(), StandardCharsets.UTF_8);
            Optional<Map<String, Object>> jrd = fetcher.json(url, ActivityMedia.JRD_JSON + ", application/json");
            if (jrd.isEmpty()) {
                continue;
            }
            if (jrd.get().get("links") instanceof List<?> links) {
                for (Object l : links) {
                    if (l instanceof Map<?, ?> link && "self".equals(link.get("rel"))
                            && link.get("href") instanceof String href
                            && String.valueOf(link.get("type")).contains("json")) {
                        return actor(href, isOndesCatalogAt(href));
                    }
                }
            }
            return new NotFound("WebFinger at " + acct.authority() + " names no ActivityPub actor for " + acct.uri());
        }
        return new NotFound("no WebFinger answer for " + acct.uri());
    }

    private Resolution actor(String url, boolean ondesCatalog) {
        return actors.fetch(url).<Resolution>map(a -> new Found(a, ondesCatalog))
                .orElseGet(() -> new NotFound("no usable ActivityPub actor at " + url));
    }
}
