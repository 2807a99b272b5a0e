package org.ondes.federation.outbox;

import org.ondes.federation.Activities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The go-live {@code Note} as Mastodon renders it: public ({@code to} Public, {@code cc} the station's followers),
 * HTML content, genres as {@code Hashtag} tags, the station page as {@code url}, and the logo as the only attachment
 * (never the stream: Mastodon would try to download it). Once the station is off air it has {@code updated}.
 */
final class NoteDocuments {
    static final String AS = "https://www.w3.org/ns/activitystreams";
    static final List<Object> CONTEXT = List.of(AS, Map.of("Hashtag", "as:Hashtag", "sensitive", "as:sensitive"));

    private NoteDocuments() {
    }

    /** The Note without {@code @context}, as it is embedded in an activity. */
    static Map<String, Object> note(Links links, NoteFacts facts) {
        String page = links.station(facts.stationId());
        List<Hashtags.Tag> tags = Hashtags.of(links, facts.genres());
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", links.note(facts.id()));
        note.put("type", "Note");
        note.put("attributedTo", page);
        note.put("content", facts.ended() ? NoteHtml.ended(facts, page, tags) : NoteHtml.live(facts, page, tags));
        note.put("published", facts.publishedAt().toString());
        if (facts.ended()) {
            note.put("updated", facts.endedAt().toString());
        }
        note.put("url", page);
        note.put("to", List.of(Activities.PUBLIC));
        note.put("cc", List.of(links.followers(facts.stationId())));
        note.put("sensitive", false);
        note.put("tag", Hashtags.objects(tags));
        note.put("attachment", NoteHtml.httpUrl(facts.logoUrl()) ? List.of(logo(facts)) : List.of());
        return note;
    }

    /** The Note as {@code /notes/{id}} serves it. */
    static Map<String, Object> document(Links links, NoteFacts facts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.putAll(note(links, facts));
        return doc;
    }

    private static Map<String, Object> logo(NoteFacts facts) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("type", "Image");
        String type = imageType(facts.logoUrl());
        if (type != null) {
            image.put("mediaType", type);
        }
        image.put("url", facts.logoUrl());
        image.put("name", "Logo of " + facts.stationName());
        return image;
    }

    /** The image type a logo URL's extension names, if any (Mastodon works it out from the file otherwise). */
    static String imageType(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".gif")) {
            return "image/gif";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return null;
    }
}
