package org.ondes.federation.delivery;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboxTargetTest {

    @Test
    void theHostIsWhatTheHostHeaderSaysInLowerCase() {
        InboxTarget t = InboxTarget.parse(" https://Social.Example/inbox?x=1 ").orElseThrow();
        assertEquals("https://Social.Example/inbox?x=1", t.inbox());
        assertEquals("social.example", t.host());
        assertEquals("Social.Example", t.hostHeader(), "signed exactly as the client sends it");
        assertEquals("/inbox?x=1", t.requestTarget());
    }

    @Test
    void aPortOtherThanTheDefaultMakesAnotherHost() {
        assertEquals("127.0.0.1:8081", InboxTarget.parse("http://127.0.0.1:8081/inbox").orElseThrow().host());
        assertEquals("example.org", InboxTarget.parse("http://example.org:80/inbox").orElseThrow().host());
        assertEquals("example.org", InboxTarget.parse("https://example.org:443/inbox").orElseThrow().host());
        assertEquals("example.org:80", InboxTarget.parse("https://example.org:80/inbox").orElseThrow().host());
        assertEquals("[::1]:8443", InboxTarget.parse("https://[::1]:8443/inbox").orElseThrow().host());
    }

    @Test
    void internationalNamesAreSentInAscii() {
        InboxTarget t = InboxTarget.parse("https://bücher.example/inbox").orElseThrow();
        assertEquals("xn--bcher-kva.example", t.host());
        assertEquals("https://xn--bcher-kva.example/inbox", t.uri().toString());
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAreInboxes() {
        for (String bad : new String[]{null, "", "  ", "/inbox", "inbox", "ftp://example.org/inbox",
                "mailto:a@example.org", "https:///inbox", "https://user:pw@example.org/inbox",
                "https://example.org:0/inbox", "https://exa mple.org/inbox", "javascript:alert(1)"}) {
            assertEquals(Optional.empty(), InboxTarget.parse(bad), String.valueOf(bad));
        }
        assertTrue(InboxTarget.parse("HTTP://example.org/inbox").isPresent());
    }
}
