package org.ondes.federation;

import java.util.Locale;

/**
 * The media types of ActivityPub and its discovery documents, and the content negotiation rule for URLs that are both
 * a page and an actor: a request wants the ActivityStreams document when its Accept names
 * {@code application/activity+json} or {@code application/ld+json} (with or without the ActivityStreams profile, with
 * or without a space before it) with a q-value above zero and at least that of any HTML type. {@code *}{@code /*} and
 * no Accept at all get the page.
 */
public final class ActivityMedia {
    /** What ActivityPub documents are served as (Mastodon rejects other types since 4.2.5). */
    public static final String ACTIVITY_JSON = "application/activity+json";
    public static final String LD_JSON_AS = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    public static final String JRD_JSON = "application/jrd+json";
    public static final String XRD_XML = "application/xrd+xml";
    public static final String NODEINFO_20 = "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.0#\"";
    public static final String NODEINFO_21 = "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"";

    private ActivityMedia() {
    }

    public static boolean wantsActivity(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double activity = 0;
        double html = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals(ACTIVITY_JSON) || type.equals("application/ld+json")) {
                activity = Math.max(activity, q);
            } else if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            }
        }
        return activity > 0 && activity >= html;
    }
}
