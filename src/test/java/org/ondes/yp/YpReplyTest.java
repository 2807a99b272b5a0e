package org.ondes.yp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class YpReplyTest {
    @Test
    void headerMessagesAreOneLineOfPrintableAscii() {
        YpReply r = YpReply.refused("Add refused. Reason: bad\r\nInjected: yes\u0000 café");
        assertEquals("Add refused. Reason: bad  Injected: yes? caf?", r.headerMessage());
        assertFalse(r.headerMessage().contains("\n"));
    }

    @Test
    void headerMessagesAreCapped() {
        assertEquals(YpReply.MAX_MESSAGE, YpReply.ok("x".repeat(5000), null).headerMessage().length());
    }

    @Test
    void refusalsCarrySidMinusOneAndNoTouchFreq() {
        YpReply r = YpReply.refused("no");
        assertEquals("-1", r.sid());
        assertEquals(null, r.touchFreq());
    }
}
