package org.ondes.accounts;

import org.ondes.config.CommandDatabase;
import org.ondes.config.PublicUrls;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar ondes.jar admin-setup}: prints a one-time link to create an admin account when the instance has
 * none, without starting the HTTP server. It uses the database the server would use with the same environment
 * ({@link CommandDatabase}: external, embedded while Ondes is stopped, or the running Ondes' embedded one), and the
 * link starts with {@code ONDES_PUBLIC_URL}.
 *
 * <p>Exit status: {@value #OK} the link was printed, {@value #ADMIN_EXISTS} an admin exists already (nothing was
 * made), {@value #FAILED} the database could not be used.
 */
public final class AdminSetupCommand {
    public static final String NAME = "admin-setup";
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int ADMIN_EXISTS = 2;

    private AdminSetupCommand() {
    }

    /** Runs the command: messages for the operator on {@code out}, failures on {@code err}; returns the exit status. */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        try (CommandDatabase db = CommandDatabase.open(env)) {
            Connection c = db.connection();
            c.setAutoCommit(false);
            Optional<String> token;
            try {
                token = AdminSetup.issue(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (token.isEmpty()) {
                out.println("This instance has an admin already, so no setup link was made (database: "
                        + db.description() + ").");
                out.println("Sign in as an admin, or ask one to give you a role.");
                return ADMIN_EXISTS;
            }
            String base = PublicUrls.baseOf(env.get("ONDES_PUBLIC_URL"), port(env));
            out.println("Open this link within " + AdminSetup.VALID_MINUTES + " minutes to create an admin account. "
                    + "It works once; keep it to yourself:");
            out.println(base + AdminSetup.PATH + "?" + AdminSetup.PARAMETER + "=" + token.get());
            return OK;
        } catch (SQLException | RuntimeException e) {
            err.println("admin-setup failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static int port(Map<String, String> env) {
        String port = env.getOrDefault("ONDES_PORT", "8080");
        return port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : 8080;
    }
}
