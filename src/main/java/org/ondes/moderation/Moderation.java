package org.ondes.moderation;

import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.accounts.AccountSummary;
import org.ondes.accounts.Accounts;
import org.ondes.accounts.Role;
import org.ondes.streams.ModeratedStation;
import org.ondes.streams.Streams;
import org.ondes.text.PlainText;
import org.ondes.web.CurrentAccount;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moderation capability facade: hiding stations and suspending accounts (moderators and admins), roles (admins), and
 * the lists the moderation page shows. Each action is written to the moderation log (who, when, on what, why) in the
 * transaction that performs it. Ban rules are {@link Bans}, listeners' reports {@link Reports}; the audit-log view
 * will live here too.
 */
@Singleton
public class Moderation {
    static final int MAX_REASON = 500;

    /** Who acts: the signed-in moderator or admin, as authenticated for this request. */
    public record Actor(long accountId, String username, Role role) {
        public static Actor of(Authentication auth) {
            Role role = auth.getRoles().stream().map(Role::of).max(Enum::compareTo).orElse(Role.USER);
            return new Actor(CurrentAccount.id(auth), auth.getName(), role);
        }
    }

    private final Streams streams;
    private final Accounts accounts;
    private final ActionLog log;

    Moderation(Streams streams, Accounts accounts, ActionLog log) {
        this.streams = streams;
        this.accounts = accounts;
        this.log = log;
    }

    /** Takes the station off every public list at once; its owner still sees it, with the reason. */
    @Transactional
    public ModeratedStationView hideStation(Actor actor, UUID stationId, String reason) {
        String why = reason(reason, true);
        ModeratedStation station = streams.hideByModerator(stationId, why).orElseThrow(() -> noStation(stationId));
        log.record(ModerationAction.HIDE_STATION, actor, stationId, station.ownerId(), station.name(), why, null);
        return view(station, actor.username());
    }

    @Transactional
    public ModeratedStationView unhideStation(Actor actor, UUID stationId, String reason) {
        String why = reason(reason, false);
        ModeratedStation station = streams.unhideByModerator(stationId).orElseThrow(() -> noStation(stationId));
        log.record(ModerationAction.UNHIDE_STATION, actor, stationId, station.ownerId(), station.name(), why, null);
        return view(station, null);
    }

    /**
     * Suspends the account: its sessions end, its streams leave the catalog, its YP tokens are refused. Moderators
     * suspend users; admins suspend users and moderators; nobody suspends an admin (demote first) or themselves.
     */
    @Transactional
    public ModeratedUserView suspend(Actor actor, String username, String reason) {
        String why = reason(reason, true);
        AccountSummary target = outranked(actor, username, "suspend");
        AccountSummary after = accounts.suspend(target.id(), why);
        log.record(ModerationAction.SUSPEND_ACCOUNT, actor, null, target.id(), target.username(), why, null);
        return view(after, actor.username());
    }

    @Transactional
    public ModeratedUserView unsuspend(Actor actor, String username, String reason) {
        String why = reason(reason, false);
        AccountSummary target = outranked(actor, username, "unsuspend");
        AccountSummary after = accounts.unsuspend(target.id());
        log.record(ModerationAction.UNSUSPEND_ACCOUNT, actor, null, target.id(), target.username(), why, null);
        return view(after, null);
    }

    /** Admins only (enforced by the controller's role check): gives an account a role; the last admin stays admin. */
    @Transactional
    public ModeratedUserView changeRole(Actor actor, String username, Role role, String reason) {
        String why = reason(reason, false);
        AccountSummary target = accounts.find(username).orElseThrow(() -> noUser(username));
        AccountSummary after = accounts.changeRole(target.id(), role);
        log.record(ModerationAction.CHANGE_ROLE, actor, null, target.id(), target.username(), why,
                target.role() + " -> " + role.wire());
        return view(after, suspendedBy(after));
    }

    @Transactional
    public ModeratedStationView.Page stations(boolean hiddenOnly, int limit, int offset) {
        Streams.ModeratedStations page = streams.moderationList(hiddenOnly, limit, offset);
        Set<Long> owners = page.items().stream().map(ModeratedStation::ownerId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> names = accounts.usernames(owners);
        Map<UUID, String> hiders = log.lastActorOnStations(ModerationAction.HIDE_STATION,
                page.items().stream().filter(s -> s.hiddenByModeratorAt() != null).map(ModeratedStation::id).toList());
        List<ModeratedStationView> items = page.items().stream()
                .map(s -> view(s, s.ownerId() == null ? null : names.get(s.ownerId()), hiders.get(s.id()))).toList();
        return new ModeratedStationView.Page(items, page.total());
    }

    @Transactional
    public ModeratedUserView.Page users(boolean suspendedOnly, int limit, int offset) {
        Accounts.AccountPage page = accounts.list(suspendedOnly, limit, offset);
        Map<Long, String> suspenders = log.lastActorOnAccounts(ModerationAction.SUSPEND_ACCOUNT,
                page.items().stream().filter(a -> a.suspendedAt() != null).map(AccountSummary::id).toList());
        List<ModeratedUserView> items = page.items().stream().map(a -> view(a, suspenders.get(a.id()))).toList();
        return new ModeratedUserView.Page(items, page.total());
    }

    /** The target account, if the actor outranks it (also for account bans). */
    AccountSummary outranked(Actor actor, String username, String verb) {
        AccountSummary target = accounts.find(username).orElseThrow(() -> noUser(username));
        if (target.id() == actor.accountId()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "you cannot " + verb + " your own account");
        }
        Role role = Role.of(target.role());
        if (role.atLeast(actor.role())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", article(actor.role()) + " cannot " + verb + " "
                    + article(role) + (role == Role.ADMIN ? "; an admin must first be given another role" : ""));
        }
        return target;
    }

    private static String article(Role role) {
        return (role == Role.ADMIN ? "an " : "a ") + role.wire();
    }

    /** The action's reason as plain text; hiding and suspending need one. */
    static String reason(String raw, boolean required) {
        String clean = PlainText.clean(raw, MAX_REASON);
        if (clean == null && required) {
            throw ProblemException.badRequest("reason", "is required: say why (the owner sees it)");
        }
        return clean;
    }

    private ModeratedStationView view(ModeratedStation s, String hiddenBy) {
        return view(s, s.ownerId() == null ? null : accounts.usernames(List.of(s.ownerId())).get(s.ownerId()), hiddenBy);
    }

    private static ModeratedStationView view(ModeratedStation s, String owner, String hiddenBy) {
        ModeratedStationView.Hide hide = s.hiddenByModeratorAt() == null ? null
                : new ModeratedStationView.Hide(s.hiddenByModeratorReason(), s.hiddenByModeratorAt(), hiddenBy);
        return new ModeratedStationView(s.id(), s.name(), owner, s.live(), s.hiddenByOwner(), hide, s.createdAt(),
                s.origin());
    }

    private String suspendedBy(AccountSummary a) {
        return a.suspendedAt() == null ? null
                : log.lastActorOnAccounts(ModerationAction.SUSPEND_ACCOUNT, List.of(a.id())).get(a.id());
    }

    private static ModeratedUserView view(AccountSummary a, String suspendedBy) {
        ModeratedUserView.Suspension suspension = a.suspendedAt() == null ? null
                : new ModeratedUserView.Suspension(a.suspensionReason(), a.suspendedAt(), suspendedBy);
        return new ModeratedUserView(a.username(), a.role(), a.createdAt(), suspension);
    }

    private static ProblemException noStation(UUID id) {
        return ProblemException.notFound("no station " + id);
    }

    private static ProblemException noUser(String username) {
        return ProblemException.notFound("no account named '" + PlainText.clean(username, 64) + "'");
    }
}
