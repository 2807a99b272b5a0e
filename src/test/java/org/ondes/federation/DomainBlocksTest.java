package org.ondes.federation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DomainBlocksTest {
    @Test
    void hostsAreComparedWithoutCasePortOrTrailingDot() {
        assertEquals("spam.example", DomainBlocks.normalise("Spam.Example."));
        assertEquals("spam.example", DomainBlocks.normalise("spam.example:8443"));
        assertEquals("xn--bcher-kva.example", DomainBlocks.normalise("Bücher.example"));
        assertEquals("[2001:db8::1]", DomainBlocks.normalise("[2001:db8::1]:443"));
    }

    @Test
    void whatIsNotAHostIsNotCutDownToOne() {
        assertEquals("http://x.example/", DomainBlocks.normalise("http://x.example/"),
                "a URL is left as it is (and refused by the domain check), not read as host 'http'");
        assertNull(DomainBlocks.normalise(null));
        assertNull(DomainBlocks.normalise("  "));
    }
}
