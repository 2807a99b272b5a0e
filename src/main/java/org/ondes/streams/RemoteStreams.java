package org.ondes.streams;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.streams.events.StreamChanged;
import org.ondes.streams.events.StreamWentLive;
import org.ondes.text.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Live streams of other Ondes instances (issue 6, receiving): each is a session of a remote station (no owner, no
 * handle, an origin), listed at once, so the catalog, search, the live feed, the exports and moderation's hide treat
 * it like a local stream. It leaves when its origin deletes it, when no refresh comes in time ({@link #expire}), or
 * when the origin is blocked or unfollowed ({@link #endOfOrigin}).
 */
@Singleton
public class RemoteStreams {
    /** End reason of a session whose origin deleted it (a later Update does not bring it back). */
    public static final String REMOVED = "removed";
    /** Public reason of sessions ended because their origin was blocked or unfollowed. */
    public static final String ORIGIN_GONE = "origin";
    static final int MAX_URL = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStreams.class);
    private static final int BATCH = 1000;

    private final RemoteSessionStore remote;
    private final SessionStore sessions;
    private final Streams streams;
    /** Looked up when used: moderation implements them and depends on this capability in turn. */
    private final BeanProvider<RemoteListingRules> rules;

    RemoteStreams(RemoteSessionStore remote, SessionStore sessions, Streams streams,
                  BeanProvider<RemoteListingRules> rules) {
        this.remote = remote;
        this.sessions = sessions;
        this.streams = streams;
        this.rules = rules;
    }

    /** What {@link #upsert} did. */
    public enum Outcome { CREATED, CHANGED, UNCHANGED, REFUSED }

    /**
     * Creates or refreshes the remote station (by actor) and its session (by Audio object id); a session that expired
     * comes back, one its origin deleted does not. Publishes {@link StreamWentLive} for a new (or returning) session
     * and {@link StreamChanged} when what listeners see changed, once the transaction commits. A listing that fails
     * its invariants or moderation's rules is refused with a log line.
     */
    @Transactional
    public Outcome upsert(RemoteListing listing) {
        Optional<String> invalid = invalid(listing);
        if (invalid.isPresent()) {
            LOG.info("Remote stream {} refused: {}", listing.objectId(), invalid.get());
            return Outcome.REFUSED;
        }
        RemoteListing l = capped(listing);
        Optional<String> refusal = rules.stream().map(r -> r.refusal(l)).flatMap(Optional::stream).findFirst();
        if (refusal.isPresent()) {
            LOG.info("Remote stream {} from {} refused by a ban rule: {}", l.objectId(), l.origin(), refusal.get());
            return Outcome.REFUSED;
        }
        Optional<RemoteSessionStore.Upserted> done = remote.upsert(l);
        if (done.isEmpty()) {
            LOG.info("Remote stream {} was deleted by its origin or moved station; not listed again", l.objectId());
            return Outcome.REFUSED;
        }
        RemoteSessionStore.Upserted u = done.get();
        Instant now = Instant.now();
        if (u.visible() && u.kind() == RemoteSessionStore.Kind.NEW) {
            streams.publish(new StreamWentLive(u.sessionId(), u.stationId(), now));
        } else if (u.visible() && u.kind() == RemoteSessionStore.Kind.CHANGED) {
            streams.publish(new StreamChanged(u.sessionId(), u.stationId(), u.currentSong(), u.listeners(),
                    u.songChanged(), now));
        }
        return switch (u.kind()) {
            case NEW -> Outcome.CREATED;
            case CHANGED -> Outcome.CHANGED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
    }

    /** Ends the session of this Audio object if its station comes from {@code origin}; false when none was live. */
    @Transactional
    public boolean end(String objectId, String origin) {
        List<SessionStore.Ended> ended = sessions.endRemote(objectId, origin, REMOVED);
        streams.offline(ended, REMOVED);
        return !ended.isEmpty();
    }

    /** Ends every remote session from this origin (host[:port], exactly): it was unfollowed. Joins the transaction. */
    @Transactional
    public int endOfOrigin(String origin) {
        return ended(sessions.endAllOfOrigin(origin.toLowerCase(Locale.ROOT), ORIGIN_GONE), origin);
    }

    /**
     * Ends every remote session from {@code domain} (no port) or its subdomains, on any port: the domain was blocked.
     * Joins the caller's transaction, so the streams leave with the block.
     */
    @Transactional
    public int endOfDomain(String domain) {
        return ended(sessions.endAllOfDomain(domain.toLowerCase(Locale.ROOT), ORIGIN_GONE), domain);
    }

    private int ended(List<SessionStore.Ended> ended, String from) {
        streams.offline(ended, ORIGIN_GONE);
        if (!ended.isEmpty()) {
            LOG.info("Ended {} remote stream(s) from {}", ended.size(), from);
        }
        return ended.size();
    }

    /** Ends remote sessions past their refresh window; returns how many. Safe on several instances at once. */
    public int expire() {
        int total = 0;
        List<SessionStore.Ended> ended;
        do {
            ended = sessions.expireRemote(BATCH);
            streams.offline(ended, "expired");
            total += ended.size();
        } while (ended.size() == BATCH);
        return total;
    }

    static Optional<String> invalid(RemoteListing l) {
        if (l.name() == null || l.name().isBlank()) {
            return Optional.of("no name");
        }
        if (l.objectId() == null || l.objectId().length() > MAX_URL || l.actor() == null
                || l.actor().length() > MAX_URL || l.origin() == null) {
            return Optional.of("no usable object or actor id");
        }
        URI u = l.listenUrl();
        String scheme = u == null || u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                || u.toString().length() > MAX_URL) {
            return Optional.of("the listen URL is not an absolute http(s) URL");
        }
        if (l.expiresIn() == null || l.expiresIn().isNegative() || l.expiresIn().compareTo(Duration.ofHours(1)) > 0) {
            return Optional.of("no usable refresh window");
        }
        return Optional.empty();
    }

    /** The listing with every text within the caps YP input has (never longer than YP would store). */
    static RemoteListing capped(RemoteListing l) {
        return new RemoteListing(l.objectId(), l.actor(), l.origin(), cap(l.stationUrl(), MAX_URL), cap(l.name(), 200),
                cap(l.description(), 1000), cap(l.homepage(), 500),
                l.genres().stream().limit(Genres.MAX_TAGS).map(g -> cap(g, Genres.MAX_TAG_LENGTH)).toList(),
                l.listenUrl(), cap(l.contentType(), 100), cap(l.codec(), 40), l.bitrate(), l.samplerate(),
                l.channels(), Math.max(0, l.listeners()), cap(l.nowPlaying(), 500), cap(l.language(), 35),
                l.country() != null && l.country().matches("[A-Z]{2}") ? l.country() : null,
                l.logoUrl() != null && l.logoUrl().startsWith("https://") ? cap(l.logoUrl(), MAX_URL) : null,
                l.startedAt(), l.expiresIn());
    }

    private static String cap(String s, int max) {
        return PlainText.truncate(s, max);
    }
}
