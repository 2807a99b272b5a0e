package org.ondes.accounts;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.ondes.Application;
import org.ondes.testkit.CookieClient;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.testkit.CookieClient.form;

/**
 * The admin setup command, run in-process with an environment as the shell would give it: it prints a one-time link
 * when no admin exists (external database, embedded database with Ondes stopped, and with Ondes running), the link's
 * page creates one admin over HTTP in any registration mode, and is dead after that or after its hour.
 */
class AdminSetupIT {
    static final String PASSWORD = "long enough pw";

    /** What one run of the command said, and its exit status. */
    record Run(int status, String out, String err) {
        String link() {
            return out.lines().filter(l -> l.startsWith("http")).findFirst()
                    .orElseThrow(() -> new AssertionError("no link in: " + out + "\n" + err));
        }

        String path(String base) {
            assertTrue(link().startsWith(base + "/setup/admin?token="), link());
            return link().substring(base.length());
        }
    }

    static Run run(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminSetupCommand.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> external(TestDb.Schema db, String publicUrl) {
        return Map.of("ONDES_DATABASE_URL", db.url(), "ONDES_DATABASE_USER", db.user(), "ONDES_DATABASE_PASSWORD",
                db.password(), "ONDES_PUBLIC_URL", publicUrl);
    }

    /** Opens the link's page in a browser and posts its form; returns the answer to the post. */
    static CookieClient.Page useLink(CookieClient browser, String path, String username) {
        CookieClient.Page page = browser.get(path);
        assertEquals(200, page.status(), page.toString());
        Document doc = Jsoup.parse(page.body());
        String token = doc.selectFirst("form input[name=token]").attr("value");
        String csrf = doc.selectFirst("form input[name=_csrf]").attr("value");
        return browser.postForm("/setup/admin", form("token", token, "username", username, "password", PASSWORD,
                "_csrf", csrf));
    }

    @Test
    void theLinkCreatesOneAdminOnceEvenOnAnInviteOnlyInstance() {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        String base = "http://127.0.0.1:" + port;
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.public-url", base,
                "ondes.registration.mode", "invite"))) {
            Run issued = run(external(db, base));
            assertEquals(AdminSetupCommand.OK, issued.status(), issued.out() + issued.err());
            assertTrue(issued.out().contains("within 60 minutes"), issued.out());
            String path = issued.path(base);

            CookieClient browser = new CookieClient(base);
            CookieClient.Page created = useLink(browser, path, "chief");
            assertEquals(303, created.status(), created.toString());
            assertEquals("/moderation", created.location());
            assertNotNull(browser.cookie("ondes_session"), "signed in");
            assertEquals("admin", browser.get("/api/v1/session").json().get("role"));
            assertEquals(200, browser.get("/moderation").status());
            String bearer = ondes.api().login("chief", PASSWORD);
            assertEquals(200, ondes.api().get("/api/v1/admin/registration", bearer).status());

            CookieClient other = new CookieClient(base);
            CookieClient.Page dead = other.get(path);
            assertEquals(410, dead.status(), "used once: " + dead);
            assertNull(Jsoup.parse(dead.body()).selectFirst("main form"), "no form on a dead link");
            assertTrue(dead.body().contains("was used already, has expired or is not valid"), dead.body());
            String token = path.substring(path.indexOf('=') + 1);
            CookieClient.Page again = other.postForm("/setup/admin", form("token", token, "username", "second_chief",
                    "password", PASSWORD, "_csrf", other.csrf()));
            assertEquals("/setup/admin?token=" + token + "&error=setup_link_dead", again.location(), again.toString());
            assertNull(other.cookie("ondes_session"));
            assertEquals(401, ondes.api().send("POST", "/login", null,
                    "{\"username\":\"second_chief\",\"password\":\"" + PASSWORD + "\"}").status(), "no second admin");

            Run refused = run(external(db, base));
            assertEquals(AdminSetupCommand.ADMIN_EXISTS, refused.status(), refused.out() + refused.err());
            assertTrue(refused.out().contains("has an admin already"), refused.out());
            assertTrue(refused.out().lines().noneMatch(l -> l.startsWith("http")), "no link: " + refused.out());
        }
    }

    @Test
    void anExpiredLinkOrAFormWithoutItsCsrfTokenCreatesNothing() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        int port = FreePorts.next();
        String base = "http://127.0.0.1:" + port;
        try (OndesInstance ondes = OndesInstance.start(db, port, Map.of("ondes.public-url", base))) {
            String path = run(external(db, base)).path(base);
            String token = path.substring(path.indexOf('=') + 1);
            CookieClient browser = new CookieClient(base);
            assertEquals(200, browser.get(path).status());
            CookieClient.Page forged = browser.postForm("/setup/admin", form("token", token, "username", "forger",
                    "password", PASSWORD, "_csrf", "not-the-token"));
            assertEquals("/setup/admin?token=" + token + "&error=csrf", forged.location(), forged.toString());
            assertTrue(browser.get(forged.location()).body().contains("The form had expired"), "said in words");

            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE accounts_admin_setup SET expires_at = now() - interval '1 second'");
            }
            assertEquals(410, browser.get(path).status());
            CookieClient.Page late = browser.postForm("/setup/admin", form("token", token, "username", "late_admin",
                    "password", PASSWORD, "_csrf", browser.csrf()));
            assertTrue(late.location().endsWith("error=setup_link_dead"), late.toString());
            assertEquals(401, ondes.api().send("POST", "/login", null,
                    "{\"username\":\"late_admin\",\"password\":\"" + PASSWORD + "\"}").status());
            assertEquals(410, browser.get("/setup/admin?token=" + "x".repeat(43)).status(), "unknown link");
            assertEquals(410, browser.get("/setup/admin").status(), "no link at all");
        }
    }

    @Test
    void noLinkWhenTheInstanceHasAnAdmin() {
        TestDb.Schema db = TestDb.newSchema();
        try (OndesInstance ondes = OndesInstance.start(db, FreePorts.next(), Map.of())) {
            OndesApi.User first = ondes.api().newUser(); // the first account: admin
            Run r = run(external(db, ondes.baseUrl()));
            assertEquals(AdminSetupCommand.ADMIN_EXISTS, r.status(), r.out() + r.err());
            assertTrue(r.out().contains("has an admin already"), r.out());
            assertNotNull(first);
        }
        Run broken = run(Map.of("ONDES_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nothing"));
        assertEquals(AdminSetupCommand.FAILED, broken.status(), broken.out());
        assertTrue(broken.err().startsWith("admin-setup failed: "), broken.err());
    }

    @Test
    void theEmbeddedDatabaseWorksWithOndesStoppedAndRunning() throws Exception {
        Path dataDir = Files.createTempDirectory("ondes-admin-setup");
        int port = FreePorts.next();
        String base = "http://127.0.0.1:" + port;
        Map<String, String> env = Map.of("ONDES_DATA_DIR", dataDir.toString(), "ONDES_PUBLIC_URL", base);
        try {
            Run stopped = run(env);
            assertEquals(AdminSetupCommand.OK, stopped.status(), "Ondes stopped: " + stopped.out() + stopped.err());
            String firstPath = stopped.path(base);

            Map<String, Object> overrides = new HashMap<>();
            overrides.put("micronaut.server.port", port);
            overrides.put("micronaut.server.host", "127.0.0.1");
            overrides.put("ondes.public-url", base);
            try (Application.Running ondes = Application.start(env, overrides)) {
                Run running = run(env);
                assertEquals(AdminSetupCommand.OK, running.status(), "Ondes running: " + running.out() + running.err());
                assertTrue(running.path(base).startsWith("/setup/admin?token="));

                CookieClient browser = new CookieClient(base);
                assertEquals(303, useLink(browser, firstPath, "embedded_chief").status(),
                        "the link made while Ondes was stopped works once it runs");
                assertEquals("admin", browser.get("/api/v1/session").json().get("role"));
                assertEquals(AdminSetupCommand.ADMIN_EXISTS, run(env).status(), "running, with an admin");
                assertTrue(ondes.context().isRunning());
            }
            Run afterwards = run(env);
            assertEquals(AdminSetupCommand.ADMIN_EXISTS, afterwards.status(), "stopped again: " + afterwards.out()
                    + afterwards.err());
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
