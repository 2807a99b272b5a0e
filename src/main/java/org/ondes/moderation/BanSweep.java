package org.ondes.moderation;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.limits.ClientAddress;
import org.ondes.streams.LiveSession;
import org.ondes.streams.Streams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies ban rules to sessions that are already live: every session a rule matches ends at once (its owner sees the
 * rule's reason, the live feed says {@value #PUBLIC_REASON}, the catalog drops it when the transaction commits). Ending
 * an ended session does nothing, so sweeping twice, or on several instances, is harmless.
 */
@Singleton
class BanSweep {
    /** The reason of the live feed's offline events: the moderators' reason is for the streamer, not the public. */
    static final String PUBLIC_REASON = "banned";
    private static final Logger LOG = LoggerFactory.getLogger(BanSweep.class);
    private final Streams streams;

    BanSweep(Streams streams) {
        this.streams = streams;
    }

    /** Ends every live session one of {@code rules} matches; joins the caller's transaction. Returns how many ended. */
    @Transactional
    int sweep(BanSet rules) {
        if (rules.isEmpty()) {
            return 0;
        }
        Map<BanRule, List<UUID>> hits = new LinkedHashMap<>();
        streams.forEachLiveSession(s -> rules.match(subject(s)).or(() -> s.displayName() == null ? Optional.empty()
                : rules.match(subject(s, s.displayName()))).ifPresent(m -> {
            if (m.undecided()) {
                LOG.warn("Ban rule {} ({}) could not decide on the name of live session {} in time; ending it",
                        m.rule().id(), m.rule().subject(), s.sessionId());
            }
            hits.computeIfAbsent(m.rule(), r -> new ArrayList<>()).add(s.sessionId());
        }));
        int ended = 0;
        for (Map.Entry<BanRule, List<UUID>> e : hits.entrySet()) {
            ended += streams.endSessions(e.getValue(), Bans.endReason(e.getKey().reason()), PUBLIC_REASON);
        }
        return ended;
    }

    /**
     * The session as ban rules see it: the same fields as the YP add it came from. A station its owner renamed is
     * checked under its display name too ({@link #subject(LiveSession, String)}), since that is what listeners see.
     */
    static BanSubject subject(LiveSession s) {
        return subject(s, s.name());
    }

    static BanSubject subject(LiveSession s, String name) {
        ClientAddress requester = null;
        if (s.requesterIp() != null) {
            try {
                requester = ClientAddress.of(s.requesterIp());
            } catch (IllegalArgumentException e) {
                // not an address (rows from before addresses were recorded): no address rule can match it
            }
        }
        return new BanSubject(host(s.listenUrl()), requester, name, s.ownerId());
    }

    static String host(String listenUrl) {
        try {
            return new URI(listenUrl).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
