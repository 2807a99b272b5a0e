package org.ondes.accounts;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts capability facade: registration and password authentication. */
@Singleton
public class Accounts {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{2,32}");
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{1,63}");

    private final AccountStore store;
    private final PasswordHasher hasher;

    Accounts(AccountStore store) {
        this.store = store;
        this.hasher = new PasswordHasher();
    }

    /** The authenticated caller as carried in the login token. */
    public record Principal(long accountId, String username, String role) {
    }

    @Transactional
    public AccountView register(String username, String password, String email) {
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
            throw new ProblemException(HttpStatus.CONFLICT, "Username taken", "username '" + username + "' is already taken");
        }
        AccountRecord saved = store.save(new AccountRecord(null, username, cleanEmail, hasher.hash(password), "user", null, null));
        Instant created = saved.createdAt() == null ? Instant.now() : saved.createdAt();
        return new AccountView(saved.id(), saved.username(), saved.email(), saved.role(), created);
    }

    /** Password check that costs the same whether or not the user exists; suspended accounts cannot sign in. */
    @Transactional
    public Optional<Principal> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD || !USERNAME.matcher(username).matches()) {
            hasher.burnDecoy(password == null ? "" : password.substring(0, Math.min(password.length(), MAX_PASSWORD)));
            return Optional.empty();
        }
        Optional<AccountRecord> account = store.findByUsername(username);
        if (account.isEmpty()) {
            hasher.burnDecoy(password);
            return Optional.empty();
        }
        AccountRecord a = account.get();
        if (!hasher.verify(password, a.passwordHash()) || a.suspendedAt() != null) {
            return Optional.empty();
        }
        return Optional.of(new Principal(a.id(), a.username(), a.role()));
    }
}
