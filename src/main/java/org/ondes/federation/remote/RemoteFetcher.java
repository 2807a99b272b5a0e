package org.ondes.federation.remote;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.DomainBlocks;
import org.ondes.federation.FederationClient;
import org.ondes.federation.keys.SigningKeys;
import org.ondes.federation.signatures.HttpSigner;
import org.ondes.probe.ProbeException;
import org.ondes.probe.Request;
import org.ondes.probe.Response;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches ActivityStreams documents from other servers: through the SSRF guard (never into private networks unless
 * {@code ondes.federation.allow-private-addresses} is set for tests), signed by the instance actor (servers in
 * "authorized fetch" mode require it), never from a blocked domain, without following redirects (a fetched
 * document's id must be the URL asked for), at most 1 MiB, and only JSON of an ActivityStreams type.
 */
@Singleton
public class RemoteFetcher {
    static final int MAX_BYTES = 1024 * 1024;
    static final String ACCEPT = ActivityMedia.ACTIVITY_JSON + ", " + ActivityMedia.LD_JSON_AS;

    private final FederationClient http;
    private final HttpSigner signer = new HttpSigner(Clock.systemUTC());
    private final SigningKeys keys;
    private final DomainBlocks blocks;
    private final JsonMapper json;

    RemoteFetcher(FederationClient http, SigningKeys keys, DomainBlocks blocks, JsonMapper json) {
        this.http = http;
        this.keys = keys;
        this.blocks = blocks;
        this.json = json;
    }

    /** A document and where it came from. */
    public sealed interface Fetched permits Document, Failure {
    }

    public record Document(Map<String, Object> body) implements Fetched {
    }

    /** @param gone the server said 404 or 410: the document does not exist (any more) */
    public record Failure(String reason, boolean gone) implements Fetched {
    }

    public Fetched get(String url) {
        return get(url, ACCEPT, true);
    }

    /**
     * A JSON document of any JSON media type ({@code application/jrd+json} for WebFinger, NodeInfo's profiled
     * {@code application/json}), fetched the same guarded way.
     */
    public Optional<Map<String, Object>> json(String url, String accept) {
        return get(url, accept, false) instanceof Document d ? Optional.of(d.body()) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Fetched get(String url, String accept, boolean activityStreams) {
        URI uri;
        try {
            uri = new URI(ActorDocumentParser.withoutFragment(url));
        } catch (Exception e) {
            return new Failure("not a URL", false);
        }
        if (ActorDocumentParser.authority(uri.toString()).isEmpty()) {
            return new Failure("not an http(s) URL", false);
        }
        if (blocks.blocks(uri.getHost())) {
            return new Failure("domain blocked", false);
        }
        Map<String, String> headers = new LinkedHashMap<>(
                signer.get(HttpSigner.hostHeader(uri), HttpSigner.requestTarget(uri), accept, keys.instance()).headers());
        Response response;
        try {
            response = http.client().send(new Request("GET", uri, headers, null, MAX_BYTES + 1, 0, false));
        } catch (ProbeException e) {
            return new Failure(e.getMessage(), false);
        }
        if (response.status() == 404 || response.status() == 410) {
            return new Failure("HTTP " + response.status(), true);
        }
        if (response.status() != 200) {
            return new Failure("HTTP " + response.status(), false);
        }
        if (response.truncated() || response.body().length > MAX_BYTES) {
            return new Failure("document over 1 MiB", false);
        }
        String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean ok = activityStreams ? type.startsWith(ActivityMedia.ACTIVITY_JSON)
                || type.startsWith("application/ld+json") || type.startsWith("application/json")
                : type.startsWith("application/") && type.contains("json");
        if (!ok) {
            return new Failure("not an ActivityStreams document (" + type + ")", false);
        }
        try {
            Object body = json.readValue(response.body(), Object.class);
            return body instanceof Map<?, ?> m ? new Document((Map<String, Object>) m)
                    : new Failure("not a JSON object", false);
        } catch (IOException | RuntimeException e) {
            return new Failure("not JSON", false);
        }
    }

    /** What a fetch of {@code url} found, for callers that only need the document. */
    public Optional<Map<String, Object>> document(String url) {
        return get(url) instanceof Document d ? Optional.of(d.body()) : Optional.empty();
    }
}
