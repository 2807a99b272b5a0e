package org.ondes.federation.signatures;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.ondes.federation.signatures.Digest.Check;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestTest {

    /** The body of draft-cavage-12 Appendix C and its published digest. */
    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    private static final String B64 = "X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";
    private static final String SHA512 = Base64.getEncoder().encodeToString(new byte[64]);
    private static final String OTHER = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void computesTheDraftsDigest() {
        assertEquals("SHA-256=" + B64, Digest.digestHeader(BODY));
        assertEquals("sha-256=:" + B64 + ":", Digest.contentDigestHeader(BODY));
    }

    @Test
    void checksTheDigestLabelCaseInsensitively() {
        assertEquals(Check.MATCH, Digest.checkDigest("SHA-256=" + B64, BODY));
        assertEquals(Check.MATCH, Digest.checkDigest("sha-256=" + B64, BODY));
        assertEquals(Check.MATCH, Digest.checkDigest(" Sha-256 = " + B64 + " ", BODY));
    }

    @Test
    void checksEverySha256OfAMultiValueDigest() {
        assertEquals(Check.MATCH, Digest.checkDigest("SHA-512=" + SHA512 + ", SHA-256=" + B64, BODY));
        assertEquals(Check.MATCH, Digest.checkDigest("SHA-256=" + B64 + ",MD5=Sd/dVLAcvNLSq16eXua5uQ==", BODY));
        assertEquals(Check.MISMATCH, Digest.checkDigest("SHA-256=" + B64 + ", sha-256=" + OTHER, BODY));
    }

    @Test
    void cannotCheckADigestWithoutSha256() {
        assertEquals(Check.NO_SHA256, Digest.checkDigest("SHA-512=" + SHA512, BODY));
        assertEquals(Check.NO_SHA256, Digest.checkDigest("MD5=Sd/dVLAcvNLSq16eXua5uQ==", BODY));
    }

    @Test
    void refusesAChangedBodyAndUnreadableHeaders() {
        assertEquals(Check.MISMATCH, Digest.checkDigest("SHA-256=" + B64, "{\"hello\": \"World\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Check.MALFORMED, Digest.checkDigest(null, BODY));
        assertEquals(Check.MALFORMED, Digest.checkDigest("", BODY));
        assertEquals(Check.MALFORMED, Digest.checkDigest("SHA-256", BODY));
        assertEquals(Check.MALFORMED, Digest.checkDigest("SHA-256=not base64!", BODY));
        assertEquals(Check.MALFORMED, Digest.checkDigest("SHA-256=" + SHA512, BODY));
    }

    @Test
    void checksContentDigestDictionaries() {
        assertEquals(Check.MATCH, Digest.checkContentDigest("sha-256=:" + B64 + ":", BODY));
        assertEquals(Check.MATCH, Digest.checkContentDigest("SHA-256=:" + B64 + ":", BODY));
        assertEquals(Check.MATCH, Digest.checkContentDigest("sha-512=:" + SHA512 + ":, sha-256=:" + B64 + ":", BODY));
        assertEquals(Check.MISMATCH, Digest.checkContentDigest("sha-256=:" + OTHER + ":", BODY));
        assertEquals(Check.NO_SHA256, Digest.checkContentDigest("sha-512=:" + SHA512 + ":", BODY));
        assertEquals(Check.MALFORMED, Digest.checkContentDigest("sha-256=" + B64, BODY));
        assertEquals(Check.MALFORMED, Digest.checkContentDigest("sha-256=:" + B64, BODY));
        assertEquals(Check.MALFORMED, Digest.checkContentDigest("sha-256=\"" + B64 + "\"", BODY));
        assertEquals(Check.MALFORMED, Digest.checkContentDigest(null, BODY));
    }
}
