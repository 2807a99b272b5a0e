package org.ondes.moderation;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.federation.DomainBlocks;
import org.ondes.federation.follows.Followers;
import org.ondes.federation.follows.Following;
import org.ondes.federation.follows.InstanceFollows;
import org.ondes.streams.RemoteStreams;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Moderators' and admins' controls over federation: domain blocks (no request from a blocked domain is taken, nothing
 * is sent there or fetched from there, its live streams leave the catalog at once; subdomains included) and the instance's follows of other instances (admins),
 * each change in the audit log.
 */
@Singleton
public class FederationModeration {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private final DomainBlocks blocks;
    private final InstanceFollows follows;
    private final Following following;
    private final Followers followers;
    private final ActionLog log;
    private final RemoteStreams remote;

    FederationModeration(DomainBlocks blocks, InstanceFollows follows, Following following, Followers followers,
                         ActionLog log, RemoteStreams remote) {
        this.remote = remote;
        this.blocks = blocks;
        this.follows = follows;
        this.following = following;
        this.followers = followers;
        this.log = log;
    }

    @Serdeable
    public record BlockView(String domain, String reason, String createdBy, Instant createdAt) {
    }

    public List<BlockView> blocks() {
        return blocks.list().stream().map(b -> new BlockView(b.domain(), b.reason(), b.createdBy(), b.createdAt()))
                .toList();
    }

    @Transactional
    public BlockView block(Moderation.Actor actor, String domain, String reason) {
        String d = domain(domain);
        String r = reason == null ? "" : PlainText.clean(reason, 500);
        if (r.isBlank()) {
            throw ProblemException.badRequest("reason", "is required (it is kept in the audit log)");
        }
        if (!blocks.block(d, r, actor.username())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already blocked", d + " is blocked already");
        }
        int ended = remote.endOfDomain(d);
        log.recordOn(ModerationAction.BLOCK_DOMAIN, actor, d, null, d, r,
                ended == 0 ? null : "ended " + ended + " remote live stream" + (ended == 1 ? "" : "s"));
        return blocks().stream().filter(b -> b.domain().equals(d)).findFirst().orElseThrow();
    }

    @Transactional
    public void unblock(Moderation.Actor actor, String domain) {
        String d = domain(domain);
        if (!blocks.unblock(d)) {
            throw ProblemException.notFound("no block of " + d);
        }
        log.recordOn(ModerationAction.UNBLOCK_DOMAIN, actor, d, null, d, null, null);
    }

    /** One of the instance's follows as admins see it. */
    @Serdeable
    public record FollowView(long id, String target, String actor, String state, String createdBy, Instant createdAt,
                             Instant updatedAt) {
        static FollowView of(Following.Follow f) {
            return new FollowView(f.id(), f.target(), f.actor(), f.state(), f.createdBy(), f.createdAt(), f.updatedAt());
        }
    }

    /** @param created false when the actor was followed already (the existing follow is returned) */
    public record Followed(FollowView follow, boolean created) {
    }

    /** A server following the instance actor. */
    @Serdeable
    public record FollowerView(String actor, boolean ondesCatalog, Instant since) {
    }

    public Followed follow(Moderation.Actor actor, String target) {
        InstanceFollows.Outcome o = follows.follow(target, actor.username()); // fetches: no transaction held here
        if (o.created()) {
            logged(ModerationAction.FOLLOW_INSTANCE, actor, o.follow());
        }
        return new Followed(FollowView.of(o.follow()), o.created());
    }

    @Transactional
    void logged(ModerationAction action, Moderation.Actor actor, Following.Follow f) {
        log.recordOn(action, actor, f.actor(), null, f.target(), null, f.actor());
    }

    public List<FollowView> following() {
        return following.list().stream().map(FollowView::of).toList();
    }

    @Transactional
    public void unfollow(Moderation.Actor actor, long id) {
        Following.Follow f = following.byId(id).orElseThrow(() -> ProblemException.notFound("no follow " + id));
        if (follows.unfollow(id)) {
            logged(ModerationAction.UNFOLLOW_INSTANCE, actor, f);
        }
    }

    public List<FollowerView> followers() {
        return followers.listOf(Followers.INSTANCE).stream()
                .map(f -> new FollowerView(f.actor(), f.ondesCatalog(), f.since())).toList();
    }

    /** How many follows the stations have from the fediverse, and from how many accounts. */
    public Followers.StationFollows stationFollows() {
        return followers.stationFollows();
    }

    static String domain(String domain) {
        String d = DomainBlocks.normalise(domain);
        if (d == null || d.length() > 253 || !DOMAIN.matcher(d).matches()) {
            throw ProblemException.badRequest("domain", "must be a domain name such as spam.example");
        }
        return d;
    }
}
