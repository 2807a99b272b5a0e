package org.ondes.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OriginsTest {
    @Test
    void originsCompareByLowerCaseSchemeHostAndNonDefaultPort() {
        assertEquals("https://ondes.example.org", Origins.normalise("HTTPS://Ondes.Example.org:443/"));
        assertEquals("http://ondes.example.org", Origins.normalise("http://ondes.example.org:80"));
        assertEquals("http://127.0.0.1:8080", Origins.normalise("http://127.0.0.1:8080"));
        assertEquals("https://ondes.example.org:8443", Origins.normalise("https://ondes.example.org:8443"));
    }

    @Test
    void opaqueOrMalformedOriginsMatchNothing() {
        assertNull(Origins.normalise("null"));
        assertNull(Origins.normalise("file:///etc/passwd"));
        assertNull(Origins.normalise("http://exa mple.org"));
        assertNull(Origins.normalise(""));
    }
}
