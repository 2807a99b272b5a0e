package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.accounts.AccountSummary;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ban rules: moderators and admins create, list and delete them (each change is logged in mod_actions); the YP
 * adapter checks every add against them ({@link #check}, from memory, see {@link BanCache}). A new rule also ends
 * every live session it matches, at once. Each rule has a reason that the affected streamer is shown: in the
 * {@code YPMessage} of a refused add, and as the end reason of the sessions it ended.
 */
@Singleton
public class Bans {
    /** How a session ended by a rule reads to its owner; the rule's reason follows. */
    public static final String END_REASON_PREFIX = "refused by this directory's moderators: ";
    private static final Logger LOG = LoggerFactory.getLogger(Bans.class);
    private static final long WARN_EVERY_MS = 60_000;

    /**
     * The outcome of checking a YP add.
     *
     * @param version        the version of the rules it was checked against
     * @param refusedBecause the matching rule's reason, or null when no rule matched
     */
    public record Check(long version, @Nullable String refusedBecause) {
        public boolean refused() {
            return refusedBecause != null;
        }
    }

    private final BanStore store;
    private final BanCache cache;
    private final BanSweep sweep;
    private final Moderation moderation;
    private final ActionLog log;
    private final Streams streams;
    private final TransactionOperations<?> transactions;
    private final Map<Long, Long> slowWarnings = new ConcurrentHashMap<>();

    Bans(BanStore store, BanCache cache, BanSweep sweep, Moderation moderation, ActionLog log, Streams streams,
         TransactionOperations<?> transactions) {
        this.store = store;
        this.cache = cache;
        this.sweep = sweep;
        this.moderation = moderation;
        this.log = log;
        this.streams = streams;
        this.transactions = transactions;
    }

    /** The end reason of a session a rule with this reason ended. */
    static String endReason(String reason) {
        return END_REASON_PREFIX + reason;
    }

    /** Checks a YP add against the rules in memory (no query, bounded time). */
    public Check check(BanSubject subject) {
        BanSet rules = cache.current();
        Optional<BanSet.Match> match = rules.match(subject);
        match.filter(BanSet.Match::undecided).ifPresent(m -> slowRule(m.rule()));
        return new Check(rules.version(), match.map(m -> m.rule().reason()).orElse(null));
    }

    /**
     * Called once an add's session is stored: if the rules changed while it was checked and stored, checks it again
     * and ends it when a new rule matches (the sweep of the new rules may have run before this session committed).
     */
    public void afterAdd(Check check, BanSubject subject, UUID sessionId) {
        BanSet now = cache.current();
        if (now.version() == check.version()) {
            return;
        }
        try {
            now.match(subject).ifPresent(m -> streams.endSessions(List.of(sessionId), endReason(m.rule().reason()),
                    BanSweep.PUBLIC_REASON));
        } catch (RuntimeException e) {
            // the add is stored and must be answered as such; the session may stay live until its stream ends
            LOG.warn("Could not re-check session {} against changed ban rules (a moderator may need to hide its"
                    + " station): {}", sessionId, e.toString());
        }
    }

    @Transactional
    public BanRuleView.Page list(int limit, int offset) {
        return store.page(limit, offset);
    }

    /** The reasons of the rules that refuse this account's streams (empty when none does). */
    @Transactional
    public List<String> reasonsAgainst(long accountId) {
        return store.accountReasons(accountId);
    }

    /**
     * Creates a rule and, in the same transaction, ends every live session it matches and logs it. Account rules
     * follow the suspension ranks: moderators ban users, admins ban users and moderators, nobody bans an admin or
     * themselves. An identical rule is a 409.
     */
    public BanRuleView create(Moderation.Actor actor, @Nullable String kind, @Nullable String value,
                              @Nullable String syntax, @Nullable String reason) {
        BanInput parsed = BanInput.parse(kind, value, syntax, reason);
        BanRuleView created = transactions.executeWrite(status -> {
            BanInput in = parsed;
            Long accountId = null;
            if (in.kind() == BanKind.ACCOUNT) {
                AccountSummary target = moderation.outranked(actor, in.value(), "ban");
                accountId = target.id();
                in = new BanInput(in.kind(), null, target.username(), in.reason());
            }
            BanInput stored = in;
            BanRule rule = store.insert(stored, accountId, actor).orElseThrow(() -> duplicate(stored));
            store.bumpVersion();
            int ended = sweep.sweep(new BanSet(0, List.of(rule)));
            log.record(ModerationAction.CREATE_BAN, actor, ActionLog.Target.ban(rule.id(), accountId), rule.subject(),
                    rule.reason(), ended == 0 ? null : "ended " + ended + " live stream" + (ended == 1 ? "" : "s"));
            return rule.view(ended);
        });
        refreshSoon();
        return created;
    }

    /** Deletes a rule: adds it refused are accepted again once Icecast retries. */
    public void delete(Moderation.Actor actor, long id) {
        transactions.executeWrite(status -> {
            BanRule rule = store.delete(id).orElseThrow(() -> ProblemException.notFound("no ban rule " + id));
            store.bumpVersion();
            log.record(ModerationAction.DELETE_BAN, actor, ActionLog.Target.ban(rule.id(), rule.accountId()),
                    rule.subject(), null, "reason was: " + rule.reason());
            return null;
        });
        refreshSoon();
    }

    /** This instance applies the change at once rather than on its next refresh. */
    private void refreshSoon() {
        try {
            cache.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Ban rules not reloaded after a change (the periodic refresh will): {}", e.toString());
        }
    }

    private ProblemException duplicate(BanInput in) {
        String which = store.same(in).map(r -> " (rule " + r.id() + ")").orElse("");
        return new ProblemException(HttpStatus.CONFLICT, "Duplicate rule", "an identical rule exists" + which);
    }

    private void slowRule(BanRule rule) {
        long now = System.currentTimeMillis();
        Long last = slowWarnings.get(rule.id());
        if (last == null || now - last > WARN_EVERY_MS) {
            slowWarnings.put(rule.id(), now);
            LOG.warn("Ban rule {} ({}) could not decide on a stream name within its time limit, so the add was refused;"
                    + " simplify the pattern", rule.id(), rule.subject());
        }
    }
}
