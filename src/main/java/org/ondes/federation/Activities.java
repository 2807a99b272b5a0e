package org.ondes.federation;

import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The activities this instance writes. Each gets a fresh id under {@code /activities/}; Accept and Undo embed the
 * Follow they answer or take back (with its id, actor and object), which is how Mastodon and Fedify match them;
 * what stations publish (go-live Notes, live sessions) is public.
 */
@Singleton
public class Activities {
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private final PublicUrls urls;

    Activities(PublicUrls urls) {
        this.urls = urls;
    }

    public String newId() {
        return urls.of("/activities/" + UUID.randomUUID());
    }

    public Map<String, Object> follow(String id, String actor, String object) {
        Map<String, Object> a = base(id, "Follow", actor);
        a.put("object", object);
        return a;
    }

    /** An Accept of a received Follow: only the Follow's id, type, actor and object are echoed, nothing else of it. */
    public Map<String, Object> accept(String actor, Map<String, Object> follow) {
        Map<String, Object> a = base(newId(), "Accept", actor);
        Map<String, Object> echoed = new LinkedHashMap<>();
        for (String key : List.of("id", "type", "actor", "object")) {
            if (follow.containsKey(key)) {
                echoed.put(key, follow.get(key));
            }
        }
        a.put("object", echoed);
        return a;
    }

    public Map<String, Object> undo(String actor, Map<String, Object> follow) {
        Map<String, Object> a = base(newId(), "Undo", actor);
        a.put("object", follow);
        return a;
    }

    /**
     * A {@code Create}, {@code Update} or {@code Delete} of one of {@code actor}'s objects (embedded, or its id for a
     * Delete), public: {@code to} Public, {@code cc} the actor's followers collection. {@code context} is the
     * document's {@code @context}, so that the terms of the embedded object are declared.
     */
    public Map<String, Object> publicActivity(String type, Object context, String actor, Object object,
                                              String followersCollection) {
        Map<String, Object> a = base(newId(), type, actor);
        a.put("@context", context);
        a.put("object", object);
        a.put("to", List.of(PUBLIC));
        a.put("cc", List.of(followersCollection));
        return a;
    }

    private static Map<String, Object> base(String id, String type, String actor) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@context", "https://www.w3.org/ns/activitystreams");
        a.put("id", id);
        a.put("type", type);
        a.put("actor", actor);
        return a;
    }
}
