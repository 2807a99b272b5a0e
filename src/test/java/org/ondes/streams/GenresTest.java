package org.ondes.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GenresTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("whitespace split without separators", "Rock Pop", List.of("rock", "pop")),
                Arguments.of("comma split keeps multi-word tags", "Hip Hop, Jazz", List.of("hip hop", "jazz")),
                Arguments.of("comma without spaces", "Jazz,Blues", List.of("jazz", "blues")),
                Arguments.of("semicolon", "a;b", List.of("a", "b")),
                Arguments.of("slash", "Drum and Bass/Jungle", List.of("drum and bass", "jungle")),
                Arguments.of("pipe", "Lo-Fi | Chill", List.of("lo-fi", "chill")),
                Arguments.of("hash tags", "#rock #indie pop", List.of("rock", "indie pop")),
                Arguments.of("mixed separators", "Rock, Pop; Jazz / Blues | Soul", List.of("rock", "pop", "jazz", "blues", "soul")),
                Arguments.of("lower-cased with Locale.ROOT", "INDIE", List.of("indie")),
                Arguments.of("whitespace runs collapse inside a tag", "Hip \t  Hop ,Jazz", List.of("hip hop", "jazz")),
                Arguments.of("empty segments dropped", ",,Rock,, ,", List.of("rock")),
                Arguments.of("default genre various dropped", "Various", List.of()),
                Arguments.of("various dropped among others", "various, Rock", List.of("rock")),
                Arguments.of("duplicates dropped keeping first", "Rock pop ROCK Pop jazz", List.of("rock", "pop", "jazz")),
                Arguments.of("at most ten tags", "a b c d e f g h i j k l", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")),
                Arguments.of("duplicates do not count toward ten", "a a b b c d e f g h i j k",
                        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")),
                Arguments.of("tag capped at 40 code points", "x".repeat(45) + ",y", List.of("x".repeat(40), "y")),
                Arguments.of("cap never splits a surrogate pair",
                        "\uD840\uDC00".repeat(41), List.of("\uD840\uDC00".repeat(40))),
                Arguments.of("control and bidi chars removed", "Ro\u0000ck\u202E, Po\u0007p", List.of("rock", "pop")),
                Arguments.of("mojibake repaired", "Chanson Fran\u00c3\u00a7aise", List.of("chanson", "fran\u00e7aise")),
                Arguments.of("entity not cut at its ';'", "Rock &amp; Roll", List.of("rock", "roll")),
                Arguments.of("numeric entity not cut at its '#'", "Caf&#233; Jazz", List.of("caf\u00e9", "jazz")),
                Arguments.of("tags without letters or digits dropped", "Drum & Bass - +", List.of("drum", "bass")),
                Arguments.of("symbol-only tags dropped", "\uD83C\uDFB5, Jazz", List.of("jazz")),
                Arguments.of("non-Latin tags kept", "J-Pop, \u6f14\u6b4c", List.of("j-pop", "\u6f14\u6b4c")),
                Arguments.of("blank", "   ", List.of()),
                Arguments.of("null", null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitNormalisesTags(String rule, String raw, List<String> expected) {
        assertEquals(expected, Genres.split(raw));
    }

    @Test
    void resultIsImmutable() {
        List<String> tags = Genres.split("rock pop");
        assertThrows(UnsupportedOperationException.class, () -> tags.add("jazz"));
    }
}
