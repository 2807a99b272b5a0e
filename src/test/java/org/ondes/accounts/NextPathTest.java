package org.ondes.accounts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NextPathTest {
    @Test
    void localPathsAndQueriesAreKept() {
        for (String ok : List.of("/", "/me", "/me/stations?tab=profile&x=1", "/stations/0b7e2f5c-3d7a-4c1e-9a55-2f0d8b1c6e21",
                "/search?q=caf%C3%A9", "/a/b/")) {
            assertEquals(Optional.of(ok), NextPath.sanitise(ok), ok);
        }
    }

    @Test
    void anythingThatCouldLeaveTheInstanceIsRefused() {
        for (String evil : List.of("https://evil.example/", "http://evil.example", "//evil.example/", "///evil.example",
                "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/%2F%2Fevil.example", "/%2fevil", "/%5Cevil",
                "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "http:/evil.example", " /me", "/me ",
                "/me\r\nSet-Cookie: x=y", "/me\tx", "/a/../../evil", "/..", "evil.example", "me", "/me#frag", "/café",
                "/" + "a".repeat(NextPath.MAX_LENGTH), "")) {
            assertEquals(Optional.empty(), NextPath.sanitise(evil), evil);
        }
        assertEquals(Optional.empty(), NextPath.sanitise(null));
    }
}
