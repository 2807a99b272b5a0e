package org.ondes.federation.actors;

import jakarta.inject.Singleton;
import org.jsoup.nodes.Entities;
import org.ondes.federation.ActorUrls;
import org.ondes.federation.keys.ActorKeys;
import org.ondes.streams.StationProfile;
import org.ondes.streams.Streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actor documents: one {@code Service} per station (Mastodon shows it with a bot badge) and the instance's
 * {@code Application}. Written as compacted JSON-LD with the contexts Mastodon and Fedify know without fetching.
 */
@Singleton
public class ActorDocuments {
    static final String AS = "https://www.w3.org/ns/activitystreams";
    static final String SECURITY = "https://w3id.org/security/v1";
    /** Terms outside ActivityStreams that the actors use, declared inline (no context fetch needed). */
    static final Map<String, Object> EXTENSIONS = Map.of(
            "toot", "http://joinmastodon.org/ns#",
            "discoverable", "toot:discoverable",
            "indexable", "toot:indexable",
            "manuallyApprovesFollowers", "as:manuallyApprovesFollowers",
            "Hashtag", "as:Hashtag",
            "schema", "http://schema.org#",
            "PropertyValue", "schema:PropertyValue",
            "value", "schema:value");
    public static final List<Object> CONTEXT = List.of(AS, SECURITY, EXTENSIONS);

    private final ActorUrls urls;
    private final ActorKeys keys;

    ActorDocuments(ActorUrls urls, ActorKeys keys) {
        this.urls = urls;
        this.keys = keys;
    }

    /** A station's actor; an unlisted station asks not to be suggested or indexed. */
    public Map<String, Object> station(Streams.ReachableStation station) {
        StationProfile p = station.profile();
        String id = urls.station(p.id());
        Map<String, Object> doc = common(id, "Service", p.handle(), p.name(), keys.station(p.id()).publicPem());
        doc.put("summary", summary(p));
        doc.put("url", id);
        if (p.logoUrl() != null) {
            doc.put("icon", Map.of("type", "Image", "url", p.logoUrl()));
        }
        doc.put("discoverable", !station.unlisted());
        doc.put("indexable", !station.unlisted());
        if (p.createdAt() != null) {
            doc.put("published", p.createdAt().toString());
        }
        List<Object> tags = new ArrayList<>();
        for (String genre : p.genres()) {
            tags.add(hashtag(genre));
        }
        doc.put("tag", tags);
        if (p.homepage() != null) {
            doc.put("attachment", List.of(Map.of("type", "PropertyValue", "name", "Homepage",
                    "value", "<a href=\"" + Entities.escape(p.homepage()) + "\" rel=\"me nofollow noopener\">"
                            + Entities.escape(p.homepage()) + "</a>")));
        }
        return doc;
    }

    /** The instance actor: what other instances follow to receive every station's live streams, and what signs GETs. */
    public Map<String, Object> instance() {
        String id = urls.instanceActor();
        Map<String, Object> doc = common(id, "Application", ActorUrls.INSTANCE_NAME, "Ondes at " + urls.authority(),
                keys.instance().publicPem());
        doc.put("summary", "<p>The Ondes directory of live Icecast streams at " + Entities.escape(urls.authority())
                + ". Follow this account from another Ondes instance to list its live streams there.</p>");
        doc.put("url", urls.home());
        doc.put("discoverable", true);
        return doc;
    }

    /** A {@code Hashtag} for a genre, linking to the catalog filtered by it. */
    public Map<String, Object> hashtag(String genre) {
        return Map.of("type", "Hashtag", "name", "#" + hashtagName(genre), "href", urls.genre(genre));
    }

    /** A genre as a hashtag word: letters and digits only (Mastodon's hashtags allow no spaces or punctuation). */
    public static String hashtagName(String genre) {
        StringBuilder b = new StringBuilder();
        genre.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.isEmpty() ? "radio" : b.toString();
    }

    private Map<String, Object> common(String id, String type, String username, String name, String publicPem) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("id", id);
        doc.put("type", type);
        doc.put("preferredUsername", username);
        doc.put("name", name);
        doc.put("inbox", urls.inbox(id));
        doc.put("outbox", urls.outbox(id));
        doc.put("followers", urls.followers(id));
        doc.put("following", urls.following(id));
        doc.put("endpoints", Map.of("sharedInbox", urls.sharedInbox()));
        doc.put("manuallyApprovesFollowers", false);
        doc.put("publicKey", Map.of("id", urls.keyId(id), "owner", id, "publicKeyPem", publicPem));
        return doc;
    }

    private String summary(StationProfile p) {
        StringBuilder html = new StringBuilder("<p>");
        if (p.description() != null && !p.description().isBlank()) {
            html.append(Entities.escape(p.description()));
        } else {
            html.append("Live radio station listed at ").append(Entities.escape(urls.authority()));
        }
        html.append("</p>");
        if (!p.genres().isEmpty()) {
            html.append("<p>");
            for (int i = 0; i < p.genres().size(); i++) {
                String genre = p.genres().get(i);
                html.append(i == 0 ? "" : " ").append("<a href=\"").append(Entities.escape(urls.genre(genre)))
                        .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>")
                        .append(Entities.escape(hashtagName(genre))).append("</span></a>");
            }
            html.append("</p>");
        }
        return html.toString();
    }
}
