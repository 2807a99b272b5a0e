package org.ondes.yp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioInfoTest {

    private static YpRequest.Add parseAdd(String wire) {
        return assertInstanceOf(YpRequest.Add.class,
                YpRequestParser.parse(wire.getBytes(StandardCharsets.ISO_8859_1), null));
    }

    // ---- AudioInfo.parse ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "bitrate=128;channels=2;samplerate=44100             | 128  | 44100 | 2    | null",
            "ice-samplerate=44100;ice-bitrate=128;ice-channels=2 | 128  | 44100 | 2    | null",
            "ICE-Bitrate=96;Channels=1                           | 96   | null  | 1    | null",
            "samplerate=44100;channels=2;quality=4               | null | 44100 | 2    | 4",
            "ice-quality=0%2e40;ice-bitrate=%20112%20            | 112  | null  | null | 0.40",
            "bitrate=128000                                      | 128  | null  | null | null",
            "bitrate=128;bitrate=64                              | 128  | null  | null | null",
            " bitrate = 128 ; channels=2 ;;                      | 128  | null  | 2    | null",
            "bitrate=x;samplerate=-1;channels=2.0;foo=bar        | null | null  | 2    | null",
            "bitrate;=5;samplerate                               | null | null  | null | null",
            "quality=%3cb%3e%00                                  | null | null  | null | <b>"})
    void parseReadsKnownKeysWithOrWithoutIcePrefix(String raw, Integer kbps, Integer rate, Integer ch, String q) {
        assertEquals(new AudioInfo(kbps, rate, ch, q), AudioInfo.parse(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", ";;", "nothing here"})
    void parseOfNothingUsefulIsEmpty(String raw) {
        assertEquals(AudioInfo.EMPTY, AudioInfo.parse(raw));
    }

    // ---- through the parser: where the blob is found, and how b and the blob combine ----------------

    @Test
    void khBlobStartingWithPlainBitrateKeySuppliesMissingB() {
        YpRequest.Add add = parseAdd("action=add&sn=x&b=&stype=&bitrate=128;channels=2;samplerate=44100");
        assertEquals(new AudioInfo(128, 44100, 2, null),
                new AudioInfo(add.bitrateKbps(), add.samplerate(), add.channels(), add.quality()));
    }

    @Test
    void khBlobKeyedSamplerateIsNotTakenForTheNamedSamplerate() {
        YpRequest.Add add = parseAdd("action=add&sn=x&b=96&samplerate=48000;channels=1");
        assertEquals(new AudioInfo(96, 48000, 1, null),
                new AudioInfo(add.bitrateKbps(), add.samplerate(), add.channels(), add.quality()));
    }

    @Test
    void khEmptyAudioInfoLeavesTrailingAmpersandAndNoAudioFields() {
        YpRequest.Add add = parseAdd("action=add&sn=x&b=&stype=&");
        assertEquals(AudioInfo.EMPTY, new AudioInfo(add.bitrateKbps(), add.samplerate(), add.channels(), add.quality()));
    }

    @Test
    void escapedIcePrefixedKeyOnlyBlobSuppliesBitrateWhenBIsEmpty() {
        YpRequest.Add add = parseAdd("action=add&sn=x&stype=&b=&ice%2dsamplerate%3d22050%3bice%2dbitrate%3d64"
                + "%3bice%2dchannels%3d1%3bice%2dquality%3d2\r\n");
        assertEquals(new AudioInfo(64, 22050, 1, "2"),
                new AudioInfo(add.bitrateKbps(), add.samplerate(), add.channels(), add.quality()));
    }

    @Test
    void audioInfoValuesAreUrlDecodedOnceMore() {
        assertEquals("0.40", parseAdd("action=add&audioinfo=quality%3d0%252e40%3bbitrate%3d%2064").quality());
        assertEquals(64, parseAdd("action=add&audioinfo=quality%3d0%252e40%3bbitrate%3d%2064").bitrateKbps());
    }

    @Test
    void namedAudioinfoWinsOverKeyOnlyBlob() {
        assertEquals(32, parseAdd("action=add&bitrate%3d16&audioinfo=bitrate%3d32").bitrateKbps());
    }

    @Test
    void semicolonPairsInsideNamedParametersAreNotAudioInfo() {
        YpRequest.Add add = parseAdd("action=add&sn=a;bitrate=5&desc=x%3bsamplerate%3d8000&b=");
        assertEquals(AudioInfo.EMPTY, new AudioInfo(add.bitrateKbps(), add.samplerate(), add.channels(), add.quality()));
        assertEquals("a;bitrate=5", add.name());
    }

    @ParameterizedTest(name = "b=\"{0}\" audioinfo=\"{1}\" -> {2}")
    @CsvSource(nullValues = "null", value = {
            "128,      null,            128",
            "128.0,    null,            128",
            "127.5,    null,            128",
            "%2096%20, null,            96",
            "0,        bitrate%3d64,    0",
            "1000,     null,            1000",
            "1001,     null,            1",
            "128000,   null,            128",
            "96500,    null,            97",
            "'',       bitrate%3d64,    64",
            "abc,      bitrate%3d64,    64",
            "128kbps,  null,            null",
            "-128,     null,            null",
            "'',       bitrate%3d192000, 192",
            "'',       quality%3d4,     null",
            "'',       null,            null"})
    void bitrateComesFromNumericBElseAudioInfoAndBitPerSecondIsConverted(String b, String audioinfo, Integer kbps) {
        String wire = "action=add&b=" + b + (audioinfo == null ? "" : "&audioinfo=" + audioinfo);
        assertEquals(kbps, parseAdd(wire).bitrateKbps());
    }
}
