package org.ondes.federation.signatures;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SignatureParamsTest {

    private static final String SIG = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});

    private static SignatureParams parsed(String header) {
        SignatureParams.ParseResult result = SignatureParams.parse(header);
        return assertInstanceOf(SignatureParams.Parsed.class, result, () -> result.toString()).params();
    }

    private static String malformed(String header) {
        return assertInstanceOf(SignatureParams.Malformed.class, SignatureParams.parse(header)).reason();
    }

    @Test
    void readsMastodonsHeader() {
        SignatureParams params = parsed("keyId=\"https://a.example/users/x#main-key\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest content-type\",signature=\"" + SIG + "\"");
        assertEquals("https://a.example/users/x#main-key", params.keyId());
        assertEquals(Optional.of("rsa-sha256"), params.algorithm());
        assertEquals(List.of("(request-target)", "host", "date", "digest", "content-type"), params.headers());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, params.signature());
        assertEquals(OptionalLong.empty(), params.created());
    }

    @Test
    void defaultsTheHeaderListToDateAndLowerCasesNames() {
        assertEquals(List.of("date"), parsed("keyId=\"k\",signature=\"" + SIG + "\"").headers());
        assertEquals(List.of("(request-target)", "host", "date"),
                parsed("keyId=\"k\",headers=\" (Request-Target)  Host DATE \",signature=\"" + SIG + "\"").headers());
        assertEquals(Optional.empty(), parsed("keyId=\"k\",signature=\"" + SIG + "\"").algorithm());
        assertEquals(Optional.of("hs2019"), parsed("keyId=\"k\",algorithm=\"HS2019\",signature=\"" + SIG + "\"").algorithm());
    }

    @Test
    void toleratesThePrefixSpacesAndNameCase() {
        assertEquals("k", parsed("Signature keyId=\"k\",signature=\"" + SIG + "\"").keyId());
        assertEquals("k", parsed("signature   KEYID=\"k\" , Signature = \"" + SIG + "\"").keyId());
        assertEquals("k", parsed("keyId = \"k\" ,\tsignature=\"" + SIG + "\"").keyId());
        // a parameter named "signature" first is not the Authorization scheme
        assertEquals("k", parsed("signature =\"" + SIG + "\",keyId=\"k\"").keyId());
    }

    @Test
    void keepsCommasAndEscapedQuotesInsideQuotedValues() {
        assertEquals("https://a.example/key?x=1,2\"3",
                parsed("keyId=\"https://a.example/key?x=1,2\\\"3\",signature=\"" + SIG + "\"").keyId());
    }

    @Test
    void readsCreatedAndExpiresAsSeconds() {
        SignatureParams params = parsed("keyId=\"k\",created=1402170695,expires=1402170699.5,"
                + "headers=\"(created) (expires)\",signature=\"" + SIG + "\"");
        assertEquals(OptionalLong.of(1402170695L), params.created());
        assertEquals(OptionalLong.of(1402170699L), params.expires());
        assertEquals("created or expires is not a number of seconds",
                malformed("keyId=\"k\",created=-5,signature=\"" + SIG + "\""));
    }

    @Test
    void ignoresUnknownParameters() {
        assertEquals("k", parsed("keyId=\"k\",nonce=\"abc\",signature=\"" + SIG + "\"").keyId());
    }

    @Test
    void refusesDuplicatesAndMissingParameters() {
        assertEquals("parameter keyid appears twice",
                malformed("keyId=\"a\",keyid=\"b\",signature=\"" + SIG + "\""));
        assertEquals("keyId is missing", malformed("signature=\"" + SIG + "\""));
        assertEquals("signature is missing", malformed("keyId=\"k\""));
        assertEquals("signature is not base64", malformed("keyId=\"k\",signature=\"%%%\""));
        assertEquals("headers is empty", malformed("keyId=\"k\",headers=\"  \",signature=\"" + SIG + "\""));
    }

    @Test
    void refusesGarbageWithAReason() {
        assertEquals("no Signature header", malformed(null));
        assertEquals("no Signature header", malformed("  "));
        assertEquals("expected name=value at position 0", malformed("hello"));
        assertEquals("unterminated quoted value of keyid", malformed("signature=\"" + SIG + "\",keyId=\"k"));
        assertEquals("expected ',' after the value of keyid", malformed("keyId=\"k\" signature=\"" + SIG + "\""));
        assertEquals("trailing comma", malformed("keyId=\"k\",signature=\"" + SIG + "\","));
        assertEquals("bad parameter name at position 0", malformed("key id=\"k\",signature=\"" + SIG + "\""));
        assertEquals("empty value of keyid", malformed("keyId=,signature=\"" + SIG + "\""));
        assertEquals("Signature header longer than 16384 characters", malformed("keyId=\"" + "k".repeat(20000) + "\""));
    }
}
