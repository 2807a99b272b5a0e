package org.ondes.yp;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.ondes.accounts.TokenGrant;
import org.ondes.accounts.YpTokens;
import org.ondes.limits.Limits;
import org.ondes.moderation.BanSubject;
import org.ondes.moderation.Bans;
import org.ondes.probe.AddressPolicy;
import org.ondes.streams.Announcement;
import org.ondes.streams.Genres;
import org.ondes.streams.SidStatus;
import org.ondes.streams.Streams;
import org.ondes.streams.StreamsSettings;
import org.ondes.streams.TouchOutcome;
import org.ondes.streams.TouchUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Turns parsed YP requests into stream changes and YP replies. Faults of ours (database down, timeouts) are mapped
 * here, once, to answers that do not make Icecast back off: a refused add costs the streamer 2 hours, a failed touch
 * 20 minutes.
 */
@Singleton
class YpIngest {
    private static final Logger LOG = LoggerFactory.getLogger(YpIngest.class);
    private final YpTokens tokens;
    private final Streams streams;
    private final StreamsSettings settings;
    private final AddRules rules;
    private final TokenCache cache;
    private final ExecutorService blocking;
    private final DeferredAdds deferred;
    private final YpGuard guard;
    private final Bans bans;

    YpIngest(YpTokens tokens, Streams streams, StreamsSettings settings, AddressPolicy policy, Limits limits, Bans bans,
             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.streams = streams;
        this.settings = settings;
        this.rules = new AddRules(policy);
        this.cache = new TokenCache(tokens, blocking);
        this.blocking = blocking;
        this.deferred = new DeferredAdds(this::storeDeferred, Duration.ofSeconds(2));
        this.guard = new YpGuard(limits);
        this.bans = bans;
    }

    CompletableFuture<YpReply> handle(String token, YpRequest request, Requester who) {
        if (request instanceof YpRequest.Unknown u) {
            return done(YpReply.refused(u.action() == null ? YpMessages.NO_ACTION : YpMessages.unknownAction(u.action())));
        }
        if (!YpTokens.wellFormed(token)) {
            String msg = request instanceof YpRequest.Add ? YpMessages.addRefused(YpMessages.TOKEN_UNKNOWN) : YpMessages.TOKEN_UNKNOWN;
            return done(YpReply.refused(msg));
        }
        if (request instanceof YpRequest.Add add) {
            return CompletableFuture.supplyAsync(() -> add(token, add, who), blocking);
        }
        if (request instanceof YpRequest.Touch touch) {
            return touch(token, touch, who);
        }
        YpRequest.Remove remove = (YpRequest.Remove) request;
        return CompletableFuture.supplyAsync(() -> remove(token, remove, who), blocking);
    }

    /** A refusal when the token is not known to be good and its sender has sent too many unusable tokens lately. */
    private Optional<YpReply> refuseUnknownSender(String token, Requester who, boolean add) {
        return cache.cachedTokenId(token) != null ? Optional.empty() : guard.refuseAddress(who, add);
    }

    private YpReply add(String token, YpRequest.Add add, Requester who) {
        Optional<YpReply> blocked = refuseUnknownSender(token, who, true);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        String sid = Streams.newSid();
        DeferredAdds.Entry entry = new DeferredAdds.Entry(sid, token, add, who, Instant.now());
        try {
            return storeAdd(entry);
        } catch (RuntimeException e) {
            LOG.warn("Add for {} not stored now ({}); deferring it instead of refusing", add.listenUrl(), e.toString());
            if (deferred.defer(entry)) {
                return YpReply.added(sid, settings.effectiveTouchFreq(), YpMessages.ADDED);
            }
            // Thousands of adds already waiting on a failing database: shed load the way dir.xiph.org did.
            return YpReply.refused(YpMessages.addRefused("the directory is overloaded; Icecast will retry later"));
        }
    }

    /** Validates and stores one add. Throws only for faults of ours. */
    private YpReply storeAdd(DeferredAdds.Entry e) {
        Optional<TokenGrant> grant = cache.grant(e.token());
        if (grant.isEmpty() || !grant.get().active()) {
            guard.invalidToken(e.requester());
            return YpReply.refused(YpMessages.addRefused(grant.isEmpty() ? YpMessages.TOKEN_UNKNOWN
                    : YpMessages.token(grant.get().status())));
        }
        AddRules.Verdict verdict = rules.check(e.add());
        if (verdict instanceof AddRules.Refused r) {
            return YpReply.refused(YpMessages.addRefused(r.reason()));
        }
        AddRules.Accepted ok = (AddRules.Accepted) verdict;
        BanSubject subject = new BanSubject(ok.listenUrl().getHost(), e.requester().client(), e.add().name(),
                grant.get().accountId());
        Bans.Check ban = bans.check(subject);
        if (ban.refused()) {
            return YpReply.refused(YpMessages.banned(ban.refusedBecause()));
        }
        Optional<YpReply> limited = guard.refuseAdd(grant.get().tokenId());
        if (limited.isPresent()) {
            return limited.get();
        }
        YpRequest.Add a = e.add();
        Announcement announcement = new Announcement(grant.get().accountId(), grant.get().tokenId(), a.name(), a.genre(),
                Genres.split(a.genre()), a.description(), ok.homepage(), ok.listenUrl(), a.contentType(), a.subtype(),
                a.bitrateKbps(), a.quality(), a.samplerate(), a.channels(), a.admin(), a.language(), a.sourceInstance(),
                e.requester().ip(), e.requester().userAgent());
        Optional<Streams.Added> added = streams.add(announcement, e.sid(), YpMessages.ADDED, guard.maxLiveSessions());
        if (added.isEmpty()) {
            return guard.tooManyLiveStreams();
        }
        bans.afterAdd(ban, subject, added.get().sessionId());
        cache.markUsed(grant.get().tokenId());
        return YpReply.added(e.sid(), settings.effectiveTouchFreq(), YpMessages.ADDED);
    }

    private void storeDeferred(DeferredAdds.Entry e) {
        YpReply reply = storeAdd(e);
        if (!reply.ok()) {
            LOG.info("Deferred add {} refused once checked: {}", e.sid(), reply.message());
        }
    }

    private CompletableFuture<YpReply> touch(String token, YpRequest.Touch touch, Requester who) {
        if (touch.sid() == null) {
            return done(YpReply.refused(YpMessages.MISSING_SID));
        }
        String sid = Streams.normaliseSid(touch.sid());
        Long tokenId = cache.cachedTokenId(token);
        if (tokenId != null) {
            return touch(token, sid, touch, who, CompletableFuture.completedFuture(Optional.of(tokenId)));
        }
        return CompletableFuture.supplyAsync(() -> guard.refuseAddress(who, false), blocking)
                .thenCompose(blocked -> blocked.isPresent() ? done(blocked.get()) : touch(token, sid, touch, who,
                        CompletableFuture.supplyAsync(() -> cache.grant(token).filter(TokenGrant::active).map(TokenGrant::tokenId), blocking)));
    }

    private CompletableFuture<YpReply> touch(String token, String sid, YpRequest.Touch touch, Requester who,
                                             CompletableFuture<Optional<Long>> resolved) {
        return resolved.handle((id, error) -> {
                    if (error != null) {
                        return CompletableFuture.completedFuture(YpReply.ok(YpMessages.TOUCH_BUSY, settings.effectiveTouchFreq()));
                    }
                    if (id.isEmpty()) {
                        return CompletableFuture.supplyAsync(() -> explainMiss(token, sid, null, who), blocking);
                    }
                    TouchUpdate update = new TouchUpdate(sid, id.get(), touch.currentSong(), touch.listeners(),
                            touch.maxListeners(), touch.subtype(), touch.samplerate(), touch.channels());
                    return streams.touch(update).thenCompose(outcome -> reply(token, sid, id.get(), outcome, who));
                })
                .thenCompose(f -> f);
    }

    private CompletableFuture<YpReply> reply(String token, String sid, long tokenId, TouchOutcome outcome, Requester who) {
        if (outcome instanceof TouchOutcome.Touched t) {
            cache.markUsed(tokenId);
            return done(YpReply.ok(t.message(), settings.effectiveTouchFreq()));
        }
        if (outcome instanceof TouchOutcome.Busy) {
            return done(YpReply.ok(YpMessages.TOUCH_BUSY, settings.effectiveTouchFreq()));
        }
        return CompletableFuture.supplyAsync(() -> explainMiss(token, sid, tokenId, who), blocking);
    }

    /** The slow path after a touch matched nothing: say exactly why, or accept it when the add is still deferred. */
    private YpReply explainMiss(String token, String sid, Long tokenId, Requester who) {
        if (deferred.isPending(sid)) {
            return YpReply.ok(YpMessages.TOUCH_DEFERRED, settings.effectiveTouchFreq());
        }
        try {
            Optional<TokenGrant> grant = cache.grant(token);
            if (grant.isEmpty()) {
                guard.invalidToken(who);
                return YpReply.refused(YpMessages.TOKEN_UNKNOWN);
            }
            if (!grant.get().active()) {
                cache.forget(token);
                guard.invalidToken(who);
                return YpReply.refused(YpMessages.token(grant.get().status()));
            }
            SidStatus status = streams.status(sid, tokenId != null ? tokenId : grant.get().tokenId());
            if (!status.exists() || !status.sameToken()) {
                return YpReply.refused(YpMessages.SID_UNKNOWN);
            }
            return YpReply.refused(YpMessages.sidEnded(status.endReason()));
        } catch (RuntimeException e) {
            LOG.warn("Could not explain a missed touch ({}); accepting it", e.toString());
            return YpReply.ok(YpMessages.TOUCH_BUSY, settings.effectiveTouchFreq());
        }
    }

    private YpReply remove(String token, YpRequest.Remove remove, Requester who) {
        if (remove.sid() == null) {
            return YpReply.refused(YpMessages.MISSING_SID);
        }
        String sid = Streams.normaliseSid(remove.sid());
        Optional<YpReply> blocked = refuseUnknownSender(token, who, false);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        try {
            Optional<TokenGrant> grant = cache.grant(token);
            if (grant.isEmpty()) {
                guard.invalidToken(who);
                return YpReply.refused(YpMessages.TOKEN_UNKNOWN);
            }
            if (streams.remove(sid, grant.get().tokenId(), YpMessages.REMOVED)) {
                return YpReply.ok(YpMessages.REMOVED, null);
            }
            return YpReply.refused(YpMessages.sidEnded(streams.status(sid, grant.get().tokenId()).endReason()));
        } catch (RuntimeException e) {
            // Icecast only logs the result of a remove; the session will expire if this one was lost.
            LOG.warn("Remove of {} not stored ({}); the session will expire instead", sid, e.toString());
            return YpReply.ok("Remove noted; the directory is busy and will expire the listing.", null);
        }
    }

    private static CompletableFuture<YpReply> done(YpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    @PreDestroy
    void stop() {
        deferred.close();
    }
}
