package org.ondes.federation.signatures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 8941 parsing, with examples from RFC 8941 and RFC 9421. */
class StructuredFieldsTest {

    @Test
    void parsesASignatureInputDictionary() {
        Map<String, StructuredFields.Member> dict = StructuredFields.dictionary(
                "sig1=(\"@method\" \"@target-uri\" \"content-digest\");alg=\"rsa-v1_5-sha256\";keyid=\"k\";created=1618884473");
        StructuredFields.InnerList sig1 = (StructuredFields.InnerList) dict.get("sig1");
        assertEquals(List.of("@method", "@target-uri", "content-digest"),
                sig1.items().stream().map(StructuredFields.Item::value).toList());
        assertEquals(Map.of("alg", "rsa-v1_5-sha256", "keyid", "k", "created", 1618884473L), sig1.params());
    }

    @Test
    void parsesItemsOfEveryType() {
        Map<String, StructuredFields.Member> dict = StructuredFields.dictionary(
                "a=1, b=-2.5, c=\"q\\\"x\", d=tok/en:1, e=:AQID:, f=?0, g, h;p=?1");
        assertEquals(1L, ((StructuredFields.Item) dict.get("a")).value());
        assertEquals(new BigDecimal("-2.5"), ((StructuredFields.Item) dict.get("b")).value());
        assertEquals("q\"x", ((StructuredFields.Item) dict.get("c")).value());
        assertEquals(new StructuredFields.Token("tok/en:1"), ((StructuredFields.Item) dict.get("d")).value());
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ((StructuredFields.Item) dict.get("e")).value());
        assertEquals(false, ((StructuredFields.Item) dict.get("f")).value());
        assertEquals(true, ((StructuredFields.Item) dict.get("g")).value());
        assertEquals(Map.of("p", true), dict.get("h").params());
    }

    @Test
    void keepsTheLastOfDuplicateKeys() {
        assertEquals(2L, ((StructuredFields.Item) StructuredFields.dictionary("a=1, a=2").get("a")).value());
    }

    @Test
    void parsesLists() {
        assertEquals(3, StructuredFields.list("sugar, tea, (rum cola);x").size());
        assertEquals(0, StructuredFields.list("").size());
    }

    @Test
    void refusesSyntaxErrors() {
        for (String bad : List.of("A=1", "a=1,", "a=(1 2", "a=\"open", "a=:AQ", "a=1;", "a=1 b=2", "a=?2",
                "a=1234567890123456", "a=\"\u00e9\"", "a=:!!:", "a=(1)(2)")) {
            assertThrows(IllegalArgumentException.class, () -> StructuredFields.dictionary(bad), bad);
        }
    }
}
