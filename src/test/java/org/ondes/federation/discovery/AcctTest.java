package org.ondes.federation.discovery;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcctTest {
    @Test
    void acceptsTheFormsClientsSend() {
        assertEquals(Optional.of(new Acct("night_owl", "ondes.example")), Acct.parse("acct:night_owl@ondes.example"));
        assertEquals(Optional.of(new Acct("night_owl", "127.0.0.1:8080")), Acct.parse("acct:Night_Owl@127.0.0.1:8080"));
        assertEquals(Optional.of(new Acct("night_owl", "ondes.example")), Acct.parse("ACCT:night_owl%40Ondes.Example"));
        assertEquals(Optional.of(new Acct("night_owl", "ondes.example")), Acct.parse("acct:@night_owl@ondes.example"));
    }

    @Test
    void refusesWhatIsNotOneNameAtOneHost() {
        for (String bad : new String[]{null, "", "night_owl@ondes.example", "acct:", "acct:night_owl",
                "acct:@ondes.example", "acct:night_owl@", "acct:a@b@c", "acct:a@host/path", "acct:a%ZZ@host",
                "https://ondes.example/stations/x", "acct:" + "a".repeat(600) + "@host"}) {
            assertFalse(Acct.parse(bad).isPresent(), String.valueOf(bad));
        }
    }

    @Test
    void theHostIsComparedWithoutCase() {
        assertTrue(Acct.parse("acct:x@Ondes.Example").orElseThrow().isAt("ONDES.example"));
        assertFalse(Acct.parse("acct:x@ondes.example:8443").orElseThrow().isAt("ondes.example"));
    }
}
