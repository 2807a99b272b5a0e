package org.ondes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlainTextTest {

    static Stream<Arguments> cleanCases() {
        return Stream.of(
                // numeric character references and the five XML entities
                Arguments.of("decimal reference", "Caf\u00e9 &#8211; Na\u00efve", "Caf\u00e9 \u2013 Na\u00efve"),
                Arguments.of("hex reference, both cases", "a&#x2013;b&#X2014;c", "a\u2013b\u2014c"),
                Arguments.of("astral reference", "&#x1F600;", "\uD83D\uDE00"),
                Arguments.of("five XML entities", "&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
                Arguments.of("entity without ';' stays literal", "Rock &amp Roll &#8211 x", "Rock &amp Roll &#8211 x"),
                Arguments.of("HTML-only entity stays literal", "caf&eacute; &nbsp;", "caf&eacute; &nbsp;"),
                Arguments.of("entities decoded once only", "&amp;lt;b&amp;gt;", "&lt;b&gt;"),
                Arguments.of("surrogate reference stays literal", "x&#xD800;y", "x&#xD800;y"),
                Arguments.of("out-of-range reference stays literal", "x&#x110000;y", "x&#x110000;y"),
                Arguments.of("reference to a control is removed", "a&#0;b&#27;c", "abc"),
                Arguments.of("bare ampersand kept", "Drum & Bass", "Drum & Bass"),
                // mojibake repair
                Arguments.of("double-encoded \u00f6", "Mot\u00c3\u00b6rhead", "Mot\u00f6rhead"),
                Arguments.of("double-encoded \u00e9\u00e8", "Song \u00c3\u00a9\u00c3\u00a8", "Song \u00e9\u00e8"),
                Arguments.of("double-encoded en dash via C1 chars", "a \u00e2\u0080\u0093 b", "a \u2013 b"),
                Arguments.of("plain Latin-1 unchanged", "Caf\u00e9", "Caf\u00e9"),
                Arguments.of("Latin-1 with lead but no continuation unchanged", "\u00c3 la carte", "\u00c3 la carte"),
                Arguments.of("lead+continuation but invalid UTF-8 overall unchanged", "\u00c3\u00a9 caf\u00e9", "\u00c3\u00a9 caf\u00e9"),
                Arguments.of("text with chars above U+00FF not re-encoded", "\u00c3\u00a9 \u2013", "\u00c3\u00a9 \u2013"),
                Arguments.of("mojibake next to an entity is repaired first", "\u00c3\u00a9 &#8211; x", "\u00e9 \u2013 x"),
                // control characters and other removals
                Arguments.of("NUL, BEL, ESC, DEL removed", "A\u0000B\u0007C\u001bD\u007fE", "ABCDE"),
                Arguments.of("C1 controls removed", "A\u0085B\u009fC\u0080D", "ABCD"),
                Arguments.of("tab CR LF become spaces", "a\tb\r\nc\nd", "a b c d"),
                Arguments.of("noncharacters removed", "a\uFFFEb\uFFFFc\uFDD0d\uD83F\uDFFFe", "abcde"),
                Arguments.of("unpaired surrogates removed", "a\uD800b\uDC00c", "abc"),
                Arguments.of("bidi overrides and isolates removed",
                        "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j", "abcdefghij"),
                Arguments.of("other format chars kept (ZWJ emoji)", "\uD83D\uDC68\u200D\uD83D\uDCBB", "\uD83D\uDC68\u200D\uD83D\uDCBB"),
                // whitespace
                Arguments.of("whitespace runs collapse", "  a \t  b\u00a0\u00a0c\u3000d  ", "a b c d"),
                Arguments.of("literal markup kept", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanCases")
    void cleanAppliesEachRule(String rule, String in, String expected) {
        assertEquals(expected, PlainText.clean(in, 1000));
    }

    static Stream<Arguments> emptyCases() {
        return Stream.of(Arguments.of((String) null), Arguments.of(""), Arguments.of("   "),
                Arguments.of("\r\n"), Arguments.of("\u0000\u202E"), Arguments.of("&#0;"));
    }

    @ParameterizedTest
    @MethodSource("emptyCases")
    void cleanReturnsNullWhenNothingIsLeft(String in) {
        assertNull(PlainText.clean(in, 100));
    }

    static Stream<Arguments> capCases() {
        return Stream.of(
                Arguments.of("abcdef", 3, "abc"),
                Arguments.of("abc", 3, "abc"),
                Arguments.of("ab cd", 3, "ab"),
                Arguments.of("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2, "\uD83D\uDE00\uD83D\uDE00"),
                Arguments.of("a\uD83D\uDE00b", 2, "a\uD83D\uDE00"),
                Arguments.of("&amp;&amp;&amp;", 2, "&&"));
    }

    @ParameterizedTest
    @MethodSource("capCases")
    void cleanCapsByCodePointsAfterCleaning(String in, int max, String expected) {
        assertEquals(expected, PlainText.clean(in, max));
    }

    static Stream<Arguments> truncateCases() {
        return Stream.of(
                Arguments.of("abcdef", 4, "abcd"),
                Arguments.of("abc", 10, "abc"),
                Arguments.of("abc", 0, ""),
                Arguments.of("\uD83D\uDE00x\uD83D\uDE00", 1, "\uD83D\uDE00"),
                Arguments.of("\uD83D\uDE00x\uD83D\uDE00", 3, "\uD83D\uDE00x\uD83D\uDE00"),
                Arguments.of(" a ", 2, " a"));
    }

    @ParameterizedTest
    @MethodSource("truncateCases")
    void truncateKeepsWholeCodePoints(String in, int max, String expected) {
        assertEquals(expected, PlainText.truncate(in, max));
    }

    @Test
    void truncateOfNullIsNull() {
        assertNull(PlainText.truncate(null, 5));
    }

    static Stream<Arguments> htmlCases() {
        return Stream.of(
                Arguments.of("A 440 Hz <b>sine</b> & friends", "A 440 Hz sine & friends"),
                Arguments.of("Best rock &amp; pop <b>24/7</b>", "Best rock & pop 24/7"),
                Arguments.of("<p>one</p><p>two</p>", "one two"),
                Arguments.of("hi<script>alert(1)</script><style>p{}</style> there", "hi there"),
                Arguments.of("caf&eacute;&nbsp;&#8211; ok", "caf\u00e9 \u2013 ok"),
                Arguments.of("&amp;lt;b&amp;gt; decoded once", "&lt;b&gt; decoded once"),
                Arguments.of("I <3 rock", "I <3 rock"),
                Arguments.of("Mot\u00c3\u00b6rhead <i>live</i>", "Mot\u00f6rhead live"),
                Arguments.of("a\u0000b\u202Ec", "abc"));
    }

    @ParameterizedTest
    @MethodSource("htmlCases")
    void fromHtmlReturnsCleanText(String in, String expected) {
        assertEquals(expected, PlainText.fromHtml(in, 1000));
    }

    @Test
    void fromHtmlCapsAndMapsEmptyToNull() {
        assertEquals("abc", PlainText.fromHtml("<b>abcdef</b>", 3));
        assertNull(PlainText.fromHtml("<br><b> </b>", 10));
        assertNull(PlainText.fromHtml(null, 10));
    }
}
