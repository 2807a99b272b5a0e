package org.ondes.moderation;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.accounts.AccountSummary;
import org.ondes.accounts.Accounts;
import org.ondes.accounts.CreatedInvite;
import org.ondes.accounts.InviteTerms;
import org.ondes.accounts.InviteView;
import org.ondes.accounts.Invites;
import org.ondes.accounts.Registration;
import org.ondes.accounts.RegistrationMode;
import org.ondes.accounts.Role;
import org.ondes.web.ProblemException;

/**
 * Who gets in, as moderators and admins steer it: the registration mode (admins), the queue of accounts waiting for
 * approval, and invitations (moderators and admins). The rules and the data are the accounts capability's
 * ({@link Registration}, {@link Accounts}, {@link Invites}); here each action is checked against the actor's role
 * and written to the moderation log in its transaction.
 */
@Singleton
public class Admission {
    /** The registration mode: open, approval or invite. */
    @Serdeable
    public record ModeView(String mode) {
    }

    private final Registration registration;
    private final Accounts accounts;
    private final Invites invites;
    private final ActionLog log;

    Admission(Registration registration, Accounts accounts, Invites invites, ActionLog log) {
        this.registration = registration;
        this.accounts = accounts;
        this.invites = invites;
        this.log = log;
    }

    @Transactional
    public ModeView mode() {
        return new ModeView(registration.mode().wire());
    }

    /** Admins only: sets the mode for every instance on the database. Setting the current mode again logs nothing. */
    @Transactional
    public ModeView setMode(Moderation.Actor actor, String mode) {
        if (actor.role() != Role.ADMIN) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "only admins set the registration mode");
        }
        RegistrationMode wanted = RegistrationMode.parse(mode, "mode");
        Registration.Change change = registration.setMode(wanted);
        if (change.before() != change.after()) {
            log.recordOn(ModerationAction.SET_REGISTRATION_MODE, actor, wanted.wire(), null, "registration mode", null,
                    change.before().wire() + " -> " + change.after().wire());
        }
        return new ModeView(wanted.wire());
    }

    @Transactional
    public Accounts.PendingPage pending(int limit, int offset) {
        return accounts.pending(limit, offset);
    }

    /** Lets a pending account sign in. */
    @Transactional
    public ModeratedUserView approve(Moderation.Actor actor, String username, String note) {
        String why = Moderation.reason(note, false);
        AccountSummary account = accounts.approve(username);
        log.record(ModerationAction.APPROVE_ACCOUNT, actor, null, account.id(), account.username(), why, null);
        return new ModeratedUserView(account.username(), account.role(), account.createdAt(), null);
    }

    /** Deletes a pending account; the log keeps its name and the reason. */
    @Transactional
    public void reject(Moderation.Actor actor, String username, String reason) {
        String why = Moderation.reason(reason, false);
        AccountSummary account = accounts.reject(username);
        log.record(ModerationAction.REJECT_ACCOUNT, actor, null, account.id(), account.username(), why,
                "account deleted");
    }

    @Transactional
    public CreatedInvite createInvite(Moderation.Actor actor, Integer maxUses, Integer expiresInHours, String note) {
        CreatedInvite invite = invites.create(actor.accountId(), actor.username(),
                InviteTerms.of(maxUses, expiresInHours, note));
        log.recordOn(ModerationAction.CREATE_INVITE, actor, String.valueOf(invite.id()), null, "invitation " + invite.id(),
                invite.note(), invite.maxUses() + (invite.maxUses() == 1 ? " use" : " uses") + ", expires "
                        + invite.expiresAt());
        return invite;
    }

    @Transactional
    public InviteView.Page invites(int limit, int offset) {
        return invites.list(limit, offset);
    }

    @Transactional
    public InviteView revokeInvite(Moderation.Actor actor, long id) {
        InviteView revoked = invites.revoke(id);
        log.recordOn(ModerationAction.REVOKE_INVITE, actor, String.valueOf(id), null, "invitation " + id,
                revoked.note(), revoked.uses() + " of " + revoked.maxUses() + " uses taken");
        return revoked;
    }
}
