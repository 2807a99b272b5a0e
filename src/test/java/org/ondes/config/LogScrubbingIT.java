package org.ondes.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that fail in many ways while carrying secrets (a YP token in the path, a bearer token, a password): the
 * lines the configured log appender writes never contain them, even with Micronaut's HTTP debug logging on, and
 * problem bodies do not echo them.
 */
class LogScrubbingIT {
    private static final String PASSWORD = "Sekr3t-pass-phrase-777";

    @Test
    void secretsNeverReachTheLogOrProblemBodies() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger http = logback.getLogger("io.micronaut.http");
        Level before = http.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logback);
        captured.start();
        root.addAppender(captured);
        http.setLevel(Level.TRACE);
        try (OndesInstance ondes = OndesInstance.startOwnPublicUrl()) {
            OndesApi api = ondes.api();
            OndesApi.User user = api.newUser();
            String token = user.ypToken();
            String unknown = "Qq" + token.substring(2);
            String bearer = user.bearer();

            api.ypRaw(unknown, IcecastWire.add("Nope FM", "x", "http://127.0.0.1:9/a.ogg"));
            api.ypRaw(token, IcecastWire.touch("NO-SUCH-SID", "x", 1));
            api.ypRaw(token, IcecastWire.raw("action=add&sn=x&listenurl=ftp%3a%2f%2fx"));
            api.ypRaw(token, IcecastWire.raw("action=%ff%fe"));
            api.ypRaw(token, new byte[70 * 1024]);
            OndesApi.Response put = api.send("PUT", "/api/icecast/yp/" + token, null, "{}");
            assertTrue(put.status() >= 400 && put.status() < 500, put.toString());
            assertFalse(put.body().contains(token), "the problem body names the path without the token: " + put.body());
            OndesApi.Response deep = api.get("/api/icecast/yp/" + token + "/more", null);
            assertFalse(deep.body().contains(token), deep.body());
            api.send("POST", "/login", null, "{\"username\":\"" + user.username() + "\",\"password\":\"" + PASSWORD + "\"}");
            OndesApi.Response broken = api.send("POST", "/login", null, "{\"username\":\"x\",\"password\":\"" + PASSWORD);
            assertFalse(broken.body().contains(PASSWORD), broken.body());
            OndesApi.Response badJson = api.send("POST", "/api/v1/accounts", null,
                    "{\"username\":\"zz\",\"password\":" + PASSWORD + "}");
            assertFalse(badJson.body().contains(PASSWORD), badJson.body());
            api.get("/api/v1/me/stations", bearer + "x");
            api.get("/api/v1/me/stations", bearer);
            api.send("DELETE", "/api/v1/me/yp-tokens/" + user.tokenId(), bearer, null);
            api.ypRaw(token, IcecastWire.touch("NO-SUCH-SID", "x", 1));

            Layout<ILoggingEvent> layout = stdoutLayout(root);
            List<ILoggingEvent> events = List.copyOf(captured.list);
            assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().contains("/api/icecast/yp/")),
                    "with HTTP debug logging on, some lines name YP request paths (else this test proves nothing)");
            for (ILoggingEvent e : events) {
                String line = layout.doLayout(e);
                for (String secret : List.of(token, unknown, bearer, PASSWORD)) {
                    assertFalse(line.contains(secret), "a log line carries a secret: " + line);
                }
            }
        } finally {
            http.setLevel(before);
            root.detachAppender(captured);
        }
    }

    @SuppressWarnings("unchecked")
    private static Layout<ILoggingEvent> stdoutLayout(Logger root) {
        var appender = (ch.qos.logback.core.OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
        var encoder = (LayoutWrappingEncoder<ILoggingEvent>) appender.getEncoder();
        assertEquals(ScrubbingLayout.class, encoder.getLayout().getClass(), "logback.xml uses the scrubbing layout");
        return encoder.getLayout();
    }

}
