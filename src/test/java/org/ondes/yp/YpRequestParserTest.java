package org.ondes.yp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class YpRequestParserTest {

    private static final String SID = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";

    /** Body bytes exactly as written: every char of {@code wire} is one byte ("\r\n" are real CR LF). */
    private static YpRequest parse(String wire) {
        return YpRequestParser.parse(wire.getBytes(StandardCharsets.ISO_8859_1), null);
    }

    private static YpRequest.Add parseAdd(String wire) {
        return assertInstanceOf(YpRequest.Add.class, parse(wire));
    }

    private static YpRequest.Touch parseTouch(String wire) {
        return assertInstanceOf(YpRequest.Touch.class, parse(wire));
    }

    // ---- §5 wire samples -------------------------------------------------------------------------

    @Test
    void icecast244Mp3AddWithEscapedKeyOnlyAudioInfoAndTrailingCrlf() {
        String wire = "action=add&sn=Radio%20%c3%96sterreich%20Rock&genre=Rock%20Pop&cpswd=&desc=Best%20rock%20%26%20pop"
                + "%20%3cb%3e24%2f7%3c%2fb%3e&url=https%3a%2f%2fradio%2eexample%2eorg%2f&listenurl=http%3a%2f%2fradio%2e"
                + "example%2eorg%3a8000%2flive%2emp3&type=audio%2fmpeg&stype=&b=128&bitrate%3d128%3bchannels%3d2%3b"
                + "samplerate%3d44100\r\n";
        assertEquals(new YpRequest.Add("Radio \u00d6sterreich Rock", "Rock Pop", "Best rock & pop 24/7",
                "https://radio.example.org/", "http://radio.example.org:8000/live.mp3", "audio/mpeg", null, 128, null,
                44100, 2, null, null, null, null), parse(wire));
    }

    @Test
    void icecast244OggAddEndingInAmpersandCrlf() {
        String wire = "action=add&sn=Ogg%20Test&genre=various&cpswd=&desc=Unspecified%20description&url=&listenurl=http"
                + "%3a%2f%2fstream%2eexample%2enet%3a8000%2ftest%2eogg&type=application%2fogg&stype=Vorbis&b=128&\r\n";
        assertEquals(new YpRequest.Add("Ogg Test", "various", "Unspecified description", null,
                "http://stream.example.net:8000/test.ogg", "application/ogg", "Vorbis", 128, null, null, null, null,
                null, null, null), parse(wire));
    }

    @Test
    void icecast244Touch() {
        String wire = "action=touch&sid=" + SID + "&st=Mot%c3%b6rhead%20%2d%20Ace%20of%20Spades&listeners=12"
                + "&max_listeners=100&stype=\r\n";
        assertEquals(new YpRequest.Touch(SID, "Mot\u00f6rhead - Ace of Spades", 12, 100, null, null, null),
                parse(wire));
    }

    @Test
    void remove() {
        assertEquals(new YpRequest.Remove(SID), parse("action=remove&sid=" + SID));
    }

    @Test
    void icecast25AddWithAudioinfoAdminLanguageSourceInstanceAndBitPerSecondBitrate() {
        String wire = "action=add&admin=ops%40example%2eorg&sn=Ogg%20Test&genre=Jazz&cpswd=&desc=Late%20night%20jazz"
                + "&url=https%3a%2f%2fexample%2enet%2f&listenurl=https%3a%2f%2fstream%2eexample%2enet%3a8443%2fjazz%2e"
                + "ogg&type=audio%2fogg&stype=Vorbis&language=en&sourceinstance=0f8fad5b%2dd9cb%2d469f%2da165%2d"
                + "70867728950e&b=128000&samplerate=44100&channels=2&audioinfo=samplerate%3d44100%3bchannels%3d2%3b"
                + "quality%3d4";
        assertEquals(new YpRequest.Add("Ogg Test", "Jazz", "Late night jazz", "https://example.net/",
                "https://stream.example.net:8443/jazz.ogg", "audio/ogg", "Vorbis", 128, "4", 44100, 2,
                "ops@example.org", "en", "0f8fad5b-d9cb-469f-a165-70867728950e", null), parse(wire));
    }

    @Test
    void icecast25Touch() {
        String wire = "action=touch&sid=" + SID + "&st=Miles%20Davis%20%2d%20So%20What&listeners=3&max_listeners=100"
                + "&stype=Vorbis&samplerate=44100&channels=2";
        assertEquals(new YpRequest.Touch(SID, "Miles Davis - So What", 3, 100, "Vorbis", 44100, 2), parse(wire));
    }

    @Test
    void icecastKhAddWithRawUnnamedAudioInfoBlob() {
        String wire = "action=add&admin=ops%40example%2eorg&sn=My%20Radio&genre=Rock&type=audio%2fmpeg&b=128&cpswd="
                + "&desc=Rock%20all%20day&url=&listenurl=https%3a%2f%2fradio%2eexample%2eorg%2flisten%2flive%2emp3"
                + "&stype=&ice-samplerate=44100;ice-bitrate=128;ice-channels=2";
        assertEquals(new YpRequest.Add("My Radio", "Rock", "Rock all day", null,
                "https://radio.example.org/listen/live.mp3", "audio/mpeg", null, 128, null, 44100, 2,
                "ops@example.org", null, null, null), parse(wire));
    }

    @ParameterizedTest(name = "listeners=\"{0}\" -> {1}")
    @CsvSource(nullValues = "null", value = {
            "12, 12", "%2012%20, 12", "12.0, 12", "0, 0", "'', null", "-1, null", "x, null", "1e3, null",
            "12 listeners, null", "99999999999, 2147483647", "2147483648, 2147483647",
            "000000000000000000000012, 12", "123456789012345678901234567890, 2147483647"})
    void listenersAreParsedLenientlyAndClamped(String value, Integer expected) {
        assertEquals(expected, parseTouch("action=touch&sid=s&listeners=" + value).listeners());
    }

    // ---- transport and decoding ------------------------------------------------------------------

    @Test
    void getQueryStringWithPlusSpacesAndUpperCaseHexIsUsedWhenBodyIsEmpty() {
        YpRequest r = YpRequestParser.parse(new byte[0],
                "action=add&sn=My+Radio%2FOne&genre=Rock+Pop&listenurl=http%3A%2F%2Fradio.example.org%3A8000%2Flive"
                        + "&type=audio%2Fmpeg&b=128&desc=Caf%C3%A9+%26+more");
        assertEquals(new YpRequest.Add("My Radio/One", "Rock Pop", "Caf\u00e9 & more", null,
                "http://radio.example.org:8000/live", "audio/mpeg", null, 128, null, null, null, null, null, null,
                null), r);
    }

    @Test
    void blankBodyFallsBackToQueryString() {
        assertEquals(new YpRequest.Remove("abc"), YpRequestParser.parse("\r\n".getBytes(StandardCharsets.US_ASCII),
                "?action=remove&sid=abc"));
    }

    @Test
    void queryStringIsIgnoredWhenBodyHasContent() {
        assertEquals(new YpRequest.Remove("body"), YpRequestParser.parse(
                "action=remove&sid=body".getBytes(StandardCharsets.US_ASCII), "action=remove&sid=query"));
    }

    @Test
    void invalidUtf8FallsBackToLatin1() {
        assertEquals("Mot\u00f6rhead", parseAdd("action=add&sn=Mot%F6rhead").name());
        byte[] rawLatin1 = "action=add&sn=Mot\u00f6rhead".getBytes(StandardCharsets.ISO_8859_1);
        YpRequest.Add add = assertInstanceOf(YpRequest.Add.class, YpRequestParser.parse(rawLatin1, null));
        assertEquals("Mot\u00f6rhead", add.name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "100%25%zz%4|100%%zz%4",
            "a%|a%",
            "%g1b|%g1b",
            "%%41|%A",
            "50%+off|50% off"})
    void malformedPercentEscapesAreKeptLiterally(String raw, String expected) {
        assertEquals(expected, parseAdd("action=add&sn=" + raw).name());
    }

    @Test
    void controlBytesAndBidiOverridesAreRemovedAndTabsBecomeSpaces() {
        YpRequest.Add add = parseAdd("action=add&sn=A%00B%07C%1bD%7fE%c2%85F%e2%80%aeG%09H&stype=Vorbis%0d%0a"
                + "&genre=%ef%bf%bfRock");
        assertEquals("ABCDEFG H", add.name());
        assertEquals("Vorbis", add.subtype());
        assertEquals("Rock", add.genre());
    }

    static Stream<Arguments> caps() {
        return Stream.of(
                cap("action=add&sn=", 200, r -> ((YpRequest.Add) r).name()),
                cap("action=add&genre=", 200, r -> ((YpRequest.Add) r).genre()),
                cap("action=add&desc=", 1000, r -> ((YpRequest.Add) r).description()),
                cap("action=add&url=", 500, r -> ((YpRequest.Add) r).homepage()),
                cap("action=add&listenurl=", 1000, r -> ((YpRequest.Add) r).listenUrl()),
                cap("action=add&type=", 100, r -> ((YpRequest.Add) r).contentType()),
                cap("action=add&stype=", 100, r -> ((YpRequest.Add) r).subtype()),
                cap("action=add&admin=", 200, r -> ((YpRequest.Add) r).admin()),
                cap("action=add&language=", 35, r -> ((YpRequest.Add) r).language()),
                cap("action=add&sourceinstance=", 64, r -> ((YpRequest.Add) r).sourceInstance()),
                cap("action=add&cpswd=", 100, r -> ((YpRequest.Add) r).clusterPassword()),
                cap("action=add&audioinfo=quality=", AudioInfo.MAX_QUALITY_LENGTH, r -> ((YpRequest.Add) r).quality()),
                cap("action=touch&st=", 500, r -> ((YpRequest.Touch) r).currentSong()),
                cap("action=touch&sid=", 128, r -> ((YpRequest.Touch) r).sid()),
                cap("action=touch&stype=", 100, r -> ((YpRequest.Touch) r).subtype()),
                cap("action=remove&sid=", 128, r -> ((YpRequest.Remove) r).sid()),
                cap("action=", 16, r -> ((YpRequest.Unknown) r).action()));
    }

    private static Arguments cap(String prefix, int max, Function<YpRequest, String> field) {
        return Arguments.of(prefix, max, field);
    }

    @ParameterizedTest(name = "{0} capped at {1}")
    @MethodSource("caps")
    void overLongFieldsAreTruncatedByCodePointsNotRejected(String prefix, int max, Function<YpRequest, String> field) {
        String note = "\uD83C\uDFB5"; // U+1F3B5, a surrogate pair in Java
        String wire = prefix + "%f0%9f%8e%b5".repeat(max + 7);
        assertEquals(note.repeat(max), field.apply(parse(wire)));
    }

    @Test
    void firstOfDuplicatedParametersWins() {
        assertEquals(new YpRequest.Touch("one", "First", 1, null, null, null, null),
                parse("action=touch&sid=one&sid=two&st=First&st=Second&listeners=1&listeners=2&action=add"));
    }

    @Test
    void parameterNamesAreCaseInsensitive() {
        assertEquals(new YpRequest.Touch("x", "y", 3, 4, "Opus", null, 2),
                parse("ACTION=Touch&SID=x&St=y&LISTENERS=3&Max_Listeners=4&STYPE=Opus&Channels=2"));
    }

    @Test
    void keyOnlySegmentDoesNotShadowALaterParameter() {
        assertEquals("x", parseAdd("action&sn&action=add&sn=x").name());
    }

    @Test
    void sidIsKeptAsSentButTrimmed() {
        assertEquals(new YpRequest.Remove("Ab-9_/x"), parse("action=remove&sid=%20Ab-9_/x%20\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sn=x&genre=y", "action=&sid=1", "action=%20%0d%0a&sid=1", "&&", "action"})
    void missingActionIsUnknownNull(String wire) {
        assertEquals(new YpRequest.Unknown(null), parse(wire));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyBodyAndNoQueryIsUnknownNull(String query) {
        assertEquals(new YpRequest.Unknown(null), YpRequestParser.parse(new byte[0], query));
        assertEquals(new YpRequest.Unknown(null), YpRequestParser.parse(null, query));
    }

    @Test
    void otherActionIsUnknownWithItsName() {
        assertEquals(new YpRequest.Unknown("list"), parse("action=list"));
        assertEquals(new YpRequest.Unknown("<b>x</b>"), parse("action=%3cb%3ex%3c%2fb%3e"));
    }

    @Test
    void actionIsMatchedCaseInsensitively() {
        assertEquals(new YpRequest.Remove("s"), parse("action=REMOVE&sid=s"));
    }

    // ---- text fields -----------------------------------------------------------------------------

    @Test
    void touchSongWithNumericEntityIsDecoded() {
        assertEquals("Caf\u00e9 \u2013 Na\u00efve",
                parseTouch("action=touch&sid=abc123&st=Caf%c3%a9%20%26%238211%3b%20Na%c3%afve&listeners=0").currentSong());
    }

    @Test
    void doubleEncodedTitleIsRepaired() {
        assertEquals("Second Artist - Second Song \u00e9\u00e8", parseTouch("action=touch&sid=abc123&st=Second%20Artist"
                + "%20%2d%20Second%20Song%20%c3%83%c2%a9%c3%83%c2%a8&listeners=0").currentSong());
    }

    @Test
    void descriptionIsHtmlConvertedToTextButOtherFieldsKeepMarkupLiterally() {
        YpRequest.Add add = parseAdd("action=add&sn=%3cimg%20src%3dx%20onerror%3dalert%281%29%3e&desc=A%20440%20Hz"
                + "%20%3cb%3esine%3c%2fb%3e%20%26%20friends%3cscript%3ealert(1)%3c%2fscript%3e&genre=%3cb%3eRock"
                + "&url=javascript:alert(1)");
        assertEquals("<img src=x onerror=alert(1)>", add.name());
        assertEquals("A 440 Hz sine & friends", add.description());
        assertEquals("<b>Rock", add.genre());
        assertEquals("javascript:alert(1)", add.homepage());
    }

    @Test
    void emptyAndWhitespaceOnlyValuesBecomeNull() {
        assertEquals(new YpRequest.Add(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null), parse("action=add&sn=&genre=%20&desc=%3cb%3e%3c%2fb%3e&url=%0d%0a&b=&samplerate=&channels="
                + "&cpswd=&admin=&language=&sourceinstance=&audioinfo="));
    }
}
