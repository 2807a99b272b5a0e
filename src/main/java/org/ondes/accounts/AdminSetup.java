package org.ondes.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one-time admin setup link: {@code java -jar ondes.jar admin-setup} ({@link AdminSetupCommand}) prints
 * {@code <ONDES_PUBLIC_URL>/setup/admin?token=<code>} when the instance has no admin. Whoever opens it within
 * {@value #VALID_MINUTES} minutes can create one admin account, in any registration mode; then the link is dead. The
 * code is 256 random bits, stored only as its SHA-256 hash. The link still works if an admin appeared meanwhile (for
 * example someone who signed up first on a fresh instance): only someone with access to the server can make one.
 */
@Singleton
public class AdminSetup {
    public static final String PATH = "/setup/admin";
    public static final String PARAMETER = "token";
    static final int VALID_MINUTES = 60;
    private static final Logger LOG = LoggerFactory.getLogger(AdminSetup.class);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;
    private final Accounts accounts;

    AdminSetup(JdbcOperations jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Whether this link can still create an admin (unknown, used and expired links cannot). */
    @Transactional
    public boolean usable(String token) {
        if (!wellFormed(token)) {
            return false;
        }
        return jdbc.execute(c -> AdminSetupStore.usable(c, YpTokens.hash(token)));
    }

    /** Creates the admin account and uses the link up, or refuses: 410 for a dead link, 400/409 for the fields. */
    @Transactional
    AccountView createAdmin(String token, String username, String password) {
        if (!wellFormed(token)) {
            throw deadLink();
        }
        long linkId = jdbc.execute(c -> AdminSetupStore.take(c, YpTokens.hash(token))).orElseThrow(AdminSetup::deadLink);
        AccountView admin = accounts.createAdmin(username, password);
        jdbc.execute(c -> {
            AdminSetupStore.usedBy(c, linkId, admin.id());
            return null;
        });
        LOG.info("Admin account '{}' created with an admin setup link", admin.username());
        return admin;
    }

    /**
     * Makes a new link's code in the caller's transaction, unless an admin exists: then empty. For the shell command,
     * which has a plain connection.
     */
    static Optional<String> issue(Connection c) throws SQLException {
        try (var lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('ondes: first account', 0))")) {
            lock.executeQuery().close();
        }
        if (AdminSetupStore.adminExists(c)) {
            return Optional.empty();
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        AdminSetupStore.insert(c, YpTokens.hash(token), Duration.ofMinutes(VALID_MINUTES));
        return Optional.of(token);
    }

    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    private static ProblemException deadLink() {
        return new ProblemException(HttpStatus.GONE, "Setup link dead",
                "this admin setup link is unknown, used or expired: run admin-setup again for a new one");
    }
}
