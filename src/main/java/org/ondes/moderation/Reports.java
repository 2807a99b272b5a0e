package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.limits.ClientAddress;
import org.ondes.limits.Decision;
import org.ondes.limits.Limit;
import org.ondes.limits.Limits;
import org.ondes.limits.Waits;
import org.ondes.streams.ModeratedStation;
import org.ondes.streams.Streams;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Listeners' reports about stations, and the moderators' queue. Anyone may report a station that its page shows
 * (listed or unlisted; a station hidden by a moderator is "not found"), a limited number of times per client address
 * and hour (ONDES_LIMITS_REPORTS_PER_HOUR, every attempt counts). Resolving or dismissing a report is logged.
 */
@Singleton
public class Reports {
    static final int MAX_TEXT = 1000;
    static final int MAX_NOTE = 500;
    public static final String OPEN = "open";
    static final String RESOLVED = "resolved";
    static final String DISMISSED = "dismissed";

    private final ReportStore store;
    private final Streams streams;
    private final Limits limits;
    private final ActionLog log;
    private final TransactionOperations<?> transactions;

    Reports(ReportStore store, Streams streams, Limits limits, ActionLog log, TransactionOperations<?> transactions) {
        this.store = store;
        this.streams = streams;
        this.limits = limits;
        this.log = log;
        this.transactions = transactions;
    }

    /**
     * Files a report. Refusals: 429 past the limit of {@code client}, 400 for an unknown reason or a text over
     * {@value #MAX_TEXT} characters (or none with "other"), 404 for a station that is unknown or hidden.
     */
    public ReportView.Receipt report(UUID stationId, @Nullable String reason, @Nullable String text,
                                     @Nullable Long reporterId, ClientAddress client) {
        Decision allowed = limits.acquire(Limit.REPORTS, client.limitKey());
        if (!allowed.allowed()) {
            throw ProblemException.tooManyRequests("too many reports from your address (more than " + allowed.max()
                    + " " + Waits.per(allowed.window()) + "); try again in " + allowed.retryAfterText(),
                    allowed.retryAfter());
        }
        ReportReason why = ReportReason.parse(reason);
        String clean = PlainText.clean(text, 100_000);
        if (clean != null && clean.codePointCount(0, clean.length()) > MAX_TEXT) {
            throw ProblemException.badRequest("text", "must be at most " + MAX_TEXT + " characters");
        }
        if (clean == null && why == ReportReason.OTHER) {
            throw ProblemException.badRequest("text", "is required with the reason other: say what is wrong");
        }
        // after the limit's own transaction: a refused report still counts
        return transactions.executeWrite(status -> {
            ModeratedStation station = streams.moderated(stationId).filter(s -> s.hiddenByModeratorAt() == null)
                    .orElseThrow(() -> ProblemException.notFound("no station " + stationId));
            Instant at = store.insert(stationId, station.name(), why, clean, reporterId);
            return new ReportView.Receipt(stationId, why.wire, at);
        });
    }

    /** Reports in {@code state} (open, resolved, dismissed; null: all), newest first. */
    @Transactional
    public ReportView.Page list(@Nullable String state, int limit, int offset) {
        return store.page(state, limit, offset);
    }

    /** The state filter of the queue: open (the default), resolved, dismissed or all (null). */
    public static String state(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            return OPEN;
        }
        return switch (raw) {
            case OPEN, RESOLVED, DISMISSED -> raw;
            case "all" -> null;
            default -> throw ProblemException.badRequest("state", "must be open, resolved, dismissed or all");
        };
    }

    /** Marks an open report as acted upon; the note (optional) is for the moderation log and the other moderators. */
    @Transactional
    public ReportView resolve(Moderation.Actor actor, long id, @Nullable String note) {
        return close(actor, id, RESOLVED, ModerationAction.RESOLVE_REPORT, note);
    }

    /** Marks an open report as needing no action. */
    @Transactional
    public ReportView dismiss(Moderation.Actor actor, long id, @Nullable String note) {
        return close(actor, id, DISMISSED, ModerationAction.DISMISS_REPORT, note);
    }

    private ReportView close(Moderation.Actor actor, long id, String state, ModerationAction action, @Nullable String note) {
        String clean = PlainText.clean(note, MAX_NOTE);
        Optional<ReportStore.Closing> closing = store.close(id, state, actor.username(), clean);
        ReportStore.Closing c = closing.orElseThrow(() -> ProblemException.notFound("no report " + id));
        ReportView report = store.find(id).orElseThrow();
        if (!c.wasOpen()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already closed", "report " + id + " is already "
                    + report.state() + (report.closedBy() == null ? "" : " (by " + report.closedBy() + ")"));
        }
        log.record(action, actor, ActionLog.Target.report(id, c.stationId()), c.stationName(), clean, null);
        return report;
    }
}
