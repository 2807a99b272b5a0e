package org.ondes.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    private static final String TOKEN = "Zz0123456789abcdefghijklmnopqrstuvwxyzABCDE";

    @Test
    void theYpTokenInAPathIsMaskedWhateverFollowsIt() {
        assertEquals("POST /api/icecast/yp/**** failed", Secrets.scrub("POST /api/icecast/yp/" + TOKEN + " failed"));
        assertEquals("http://h/api/icecast/yp/****?action=add", Secrets.scrub("http://h/api/icecast/yp/" + TOKEN + "?action=add"));
        assertEquals("\"instance\":\"/api/icecast/yp/****\"", Secrets.scrub("\"instance\":\"/api/icecast/yp/" + TOKEN + "\""));
        assertEquals("/api/icecast/yp/****/x", Secrets.scrub("/api/icecast/yp/%00" + TOKEN + "/x"));
    }

    @Test
    void bearerTokensCookiesAndPasswordsAreMasked() {
        assertEquals("Authorization: Bearer ****", Secrets.scrub("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-_"));
        assertEquals("Cookie: ondes_session=****; ondes_csrf=****", Secrets.scrub("Cookie: ondes_session=abc; ondes_csrf=def"));
        assertEquals("{\"username\":\"a\",\"password\":\"****\"}", Secrets.scrub("{\"username\":\"a\",\"password\":\"p\\\"w d\"}"));
        assertEquals("username=a&password=****&_csrf=****", Secrets.scrub("username=a&password=hunter2&_csrf=xyz"));
        assertEquals("nothing secret here", Secrets.scrub("nothing secret here"));
    }

    @Test
    void theLogLayoutScrubsMessagesArgumentsAndStackTraces() {
        ScrubbingLayout layout = new ScrubbingLayout();
        layout.setContext(new LoggerContext());
        layout.setPattern("%msg%n%ex");
        layout.start();
        LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("t"), Level.WARN,
                "Incident on POST {}", new IllegalStateException("bad path /api/icecast/yp/" + TOKEN),
                new Object[]{"/api/icecast/yp/" + TOKEN});
        String line = layout.doLayout(event);
        assertFalse(line.contains(TOKEN), line);
        assertTrue(line.contains("Incident on POST /api/icecast/yp/****"), line);
        assertTrue(line.contains("bad path /api/icecast/yp/****"), line);
    }
}
