package org.ondes.accounts;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.streams.Streams;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts capability facade: registration, password authentication, the standing of an account (role, suspension)
 * and the changes moderation makes to it. The first account of an instance is its admin.
 */
@Singleton
public class Accounts {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{2,32}");
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{1,63}");

    /** Why an account's streams ended when it was suspended (the end reason its owner sees). */
    public static final String SUSPENDED = "account suspended";

    private final AccountStore store;
    private final AccountQueries queries;
    private final WebSessionStore sessions;
    private final Streams streams;
    private final PasswordHasher hasher;
    private final Registration registration;
    private final Invites invites;

    Accounts(AccountStore store, AccountQueries queries, WebSessionStore sessions, Streams streams,
             Registration registration, Invites invites) {
        this.store = store;
        this.queries = queries;
        this.sessions = sessions;
        this.streams = streams;
        this.hasher = new PasswordHasher();
        this.registration = registration;
        this.invites = invites;
    }

    /** The authenticated caller: account id, user name and role (a {@link Role} wire name). */
    public record Principal(long accountId, String username, String role) {
    }

    /** Open registration without an invitation: {@link #register(String, String, String, String)}. */
    public AccountView register(String username, String password, String email) {
        return register(username, password, email, null);
    }

    /**
     * Creates an account under the registration mode: at once (open mode, or with an invitation, which takes one of
     * its uses), waiting for a moderator's approval (approval mode) or not at all (invite-only mode without an
     * invitation). The first account of an empty instance becomes its admin in every mode, without invitation or
     * approval. A refused invitation says why ({@link RegistrationRefused}).
     */
    @Transactional
    public AccountView register(String username, String password, String email, String invite) {
        String cleanEmail = checked(username, password, email);
        boolean first = false;
        if (!queries.anyAccount()) {
            queries.lockFirstAccount();
            first = !queries.anyAccount();
        }
        String code = invite == null || invite.isBlank() ? null : invite.strip();
        RegistrationRules.Admission admission = RegistrationRules.admit(registration.mode(), first, code != null);
        if (admission == RegistrationRules.Admission.INVITE_REQUIRED) {
            throw RegistrationRefused.inviteRequired();
        }
        InviteStore.Use use = code == null || first ? null : invites.take(code);
        Instant pendingSince = admission == RegistrationRules.Admission.PENDING ? Instant.now() : null;
        return insert(new AccountRecord(null, username, cleanEmail, hasher.hash(password),
                (first ? Role.ADMIN : Role.USER).wire(), null, null, pendingSince, use == null ? null : use.inviteId(),
                use == null ? null : use.createdBy()));
    }

    /** An admin account made with the admin setup link ({@link AdminSetup}), in the caller's transaction. */
    AccountView createAdmin(String username, String password) {
        checked(username, password, null);
        return insert(new AccountRecord(null, username, null, hasher.hash(password), Role.ADMIN.wire(), null, null,
                null, null, null));
    }

    /** Checks the fields of a new account; returns the cleaned e-mail address (null when none was given). */
    private String checked(String username, String password, String email) {
        if (username == null || username.isEmpty()) {
            throw ProblemException.badRequest("username", "is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.badRequest("username", "must be 2 to 32 characters from a-z, 0-9 and _");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ProblemException.badRequest("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw ProblemException.badRequest("password", "must be at most " + MAX_PASSWORD + " characters");
        }
        String cleanEmail = null;
        if (email != null && !email.isBlank()) {
            cleanEmail = email.trim();
            if (cleanEmail.length() > 254 || !EMAIL.matcher(cleanEmail).matches() || !cleanEmail.equals(PlainText.clean(cleanEmail, 254))) {
                throw ProblemException.badRequest("email", "is not a valid e-mail address");
            }
        }
        if (store.existsByUsername(username)) {
            throw usernameTaken(username);
        }
        return cleanEmail;
    }

    private AccountView insert(AccountRecord account) {
        AccountRecord saved;
        try {
            saved = store.save(account);
        } catch (RuntimeException e) {
            if (uniqueViolation(e)) {
                throw usernameTaken(account.username()); // a sign-up with the same name committed after our check
            }
            throw e;
        }
        Instant created = saved.createdAt() == null ? Instant.now() : saved.createdAt();
        return new AccountView(saved.id(), saved.username(), saved.email(), saved.role(), created,
                saved.pendingSince() == null ? AccountView.ACTIVE : AccountView.PENDING);
    }

    private static ProblemException usernameTaken(String username) {
        return new ProblemException(HttpStatus.CONFLICT, "Username taken", "username '" + username + "' is already taken");
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Password check that costs the same whether or not the user exists. A suspended account is refused; that it is
     * suspended is said only to someone who gave its password.
     */
    @Transactional
    public SignIn authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD || !USERNAME.matcher(username).matches()) {
            hasher.burnDecoy(password == null ? "" : password.substring(0, Math.min(password.length(), MAX_PASSWORD)));
            return new SignIn.Refused();
        }
        Optional<AccountRecord> account = store.findByUsername(username);
        if (account.isEmpty()) {
            hasher.burnDecoy(password);
            return new SignIn.Refused();
        }
        AccountRecord a = account.get();
        if (!hasher.verify(password, a.passwordHash())) {
            return new SignIn.Refused();
        }
        if (a.suspendedAt() != null) {
            return new SignIn.Suspended();
        }
        if (a.pendingSince() != null) {
            return new SignIn.Pending();
        }
        return new SignIn.Accepted(new Principal(a.id(), a.username(), a.role()));
    }

    /** The account as it stands now: empty when it no longer exists, is suspended or waits for approval. */
    @Transactional
    public Optional<Principal> standing(long accountId) {
        return queries.standing(accountId);
    }

    @Transactional
    public Optional<AccountSummary> find(String username) {
        return username == null ? Optional.empty() : queries.find(username);
    }

    /**
     * Gives the account a role. The last admin who can act cannot be demoted (the check and the change are atomic:
     * concurrent changes queue on the admins' rows). Takes effect at once for bearer tokens and browser sessions.
     */
    @Transactional
    public AccountSummary changeRole(long accountId, Role role) {
        List<Long> admins = queries.lockAdmins();
        if (role != Role.ADMIN && admins.contains(accountId) && admins.size() == 1) {
            throw new ProblemException(HttpStatus.CONFLICT, "Last admin",
                    "this is the instance's last admin; make another account admin first");
        }
        queries.setRole(accountId, role);
        return summary(accountId);
    }

    /**
     * Suspends the account at once: its browser sessions end, its bearer tokens stop working, its live streams leave
     * the catalog (ending as "account suspended") and its YP tokens are refused with a YPMessage that says why.
     */
    @Transactional
    public AccountSummary suspend(long accountId, String reason) {
        queries.suspend(accountId, reason);
        sessions.endAllOf(accountId);
        streams.endSessionsOfOwner(accountId, SUSPENDED);
        return summary(accountId);
    }

    /** Lifts a suspension; the streams come back when Icecast announces them again. */
    @Transactional
    public AccountSummary unsuspend(long accountId) {
        queries.unsuspend(accountId);
        return summary(accountId);
    }

    /** Suspended accounts (latest first) or all accounts (newest first), and how many there are. */
    @Transactional
    public AccountPage list(boolean suspendedOnly, int limit, int offset) {
        return new AccountPage(queries.page(suspendedOnly, limit, offset), queries.count(suspendedOnly));
    }

    @Transactional
    public Map<Long, String> usernames(Collection<Long> accountIds) {
        return queries.usernames(accountIds);
    }

    /** Accounts waiting for a moderator's approval, oldest first, and how many there are. */
    @Transactional
    public PendingPage pending(int limit, int offset) {
        return new PendingPage(queries.pending(limit, offset), queries.countPending());
    }

    /** Lets a pending account sign in; 404 when there is no such account, 409 when it is not waiting. */
    @Transactional
    public AccountSummary approve(String username) {
        AccountSummary account = pendingAccount(username);
        queries.approve(account.id());
        return summary(account.id());
    }

    /** Deletes a pending account (its name becomes free again); 404 / 409 as {@link #approve}. */
    @Transactional
    public AccountSummary reject(String username) {
        AccountSummary account = pendingAccount(username);
        queries.deletePending(account.id());
        return account;
    }

    private AccountSummary pendingAccount(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ProblemException.notFound("no account named '" + PlainText.clean(username, 64) + "'");
        }
        AccountSummary account = queries.find(username)
                .orElseThrow(() -> ProblemException.notFound("no account named '" + username + "'"));
        if (!queries.isPending(account.id())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not pending",
                    "account '" + username + "' is not waiting for approval");
        }
        return account;
    }

    /** A page of accounts waiting for approval and how many there are in all. */
    @Serdeable
    public record PendingPage(List<PendingAccount> items, long total) {
    }

    /** A page of accounts and the number of accounts that match in all. */
    public record AccountPage(List<AccountSummary> items, long total) {
    }

    private AccountSummary summary(long accountId) {
        return store.findById(accountId).flatMap(a -> queries.find(a.username()))
                .orElseThrow(() -> ProblemException.notFound("no account " + accountId));
    }
}
