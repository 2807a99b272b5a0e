package org.ondes.yp;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every request of the real Icecast 2.4.4 capture and checks the parser against the
 * {@code decoded:} line the capture server printed (Python's parse_qs of the same body), after the
 * transformations the parser is meant to apply: empty → null, HTML description → text, numeric
 * entities decoded, double-encoded UTF-8 repaired, empty {@code b} → null (or the audio-info bitrate).
 */
class YpCaptureReplayTest {

    private static final String CAPTURE = "/yp/icecast-2.4.4-yp-capture.txt";

    /** One {@code b'...'} body line and the {@code decoded: {...}} line printed after it. */
    record Captured(int line, byte[] body, Map<String, String> decoded) {
        @Override
        public String toString() {
            return "line " + line + " " + decoded.get("action");
        }
    }

    static List<Captured> captured() throws IOException {
        List<String> lines;
        try (InputStream in = YpCaptureReplayTest.class.getResourceAsStream(CAPTURE)) {
            assertNotNull(in, CAPTURE);
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Captured> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("b'") || line.startsWith("b\"")) {
                String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                assertTrue(next.startsWith("decoded: "), "no decoded: line after line " + (i + 1));
                out.add(new Captured(i + 1, pyBytes(line), pyDict(next.substring("decoded: ".length()))));
            }
        }
        return out;
    }

    @Test
    void captureYieldsEveryRequest() throws IOException {
        List<Captured> all = captured();
        assertEquals(24, all.size());
        Map<String, Integer> perAction = new HashMap<>();
        all.forEach(c -> perAction.merge(c.decoded().get("action"), 1, Integer::sum));
        assertEquals(Map.of("add", 6, "touch", 17, "remove", 1), perAction);
    }

    @Test
    void captureExercisesEachDocumentedTransformation() throws IOException {
        List<Captured> all = captured();
        assertTrue(all.stream().anyMatch(c -> c.decoded().getOrDefault("desc", "").contains("<b>")), "HTML desc");
        assertTrue(all.stream().anyMatch(c -> c.decoded().getOrDefault("st", "").contains("&#8211;")), "entity");
        assertTrue(all.stream().anyMatch(c -> c.decoded().getOrDefault("st", "").contains("\u00c3\u00a9")), "mojibake");
        assertTrue(all.stream().anyMatch(c -> "".equals(c.decoded().get("b"))), "empty b");
        assertTrue(all.stream().anyMatch(c -> c.decoded().keySet().stream().anyMatch(k -> k.contains("="))), "blob");
        assertTrue(all.stream().anyMatch(c -> endsWith(c.body(), "&\r\n")), "trailing &CRLF");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void parsedRequestMatchesDecodedLine(Captured c) {
        Map<String, String> d = new LinkedHashMap<>(c.decoded());
        YpRequest parsed = YpRequestParser.parse(c.body(), null);
        String action = d.remove("action");
        switch (action) {
            case "add":
                checkAdd(assertInstanceOf(YpRequest.Add.class, parsed), d);
                break;
            case "touch":
                checkTouch(assertInstanceOf(YpRequest.Touch.class, parsed), d);
                break;
            case "remove":
                assertEquals(new YpRequest.Remove(text(d.remove("sid"))), parsed);
                break;
            default:
                fail("unexpected action " + action);
        }
        assertEquals(Map.of(), d, "fields in the capture that the test does not check");
    }

    private static void checkAdd(YpRequest.Add add, Map<String, String> d) {
        String blob = d.keySet().stream().filter(k -> k.contains("=")).findFirst().orElse(null);
        Map<String, String> audio = blob == null ? Map.of() : audioInfo(blob);
        if (blob != null) {
            assertEquals("", d.remove(blob));
        }
        String b = d.remove("b");
        Integer bitrate = b == null || b.isEmpty() ? number(audio.get("bitrate")) : Integer.valueOf(b);
        assertAll(
                () -> assertEquals(text(d.remove("sn")), add.name(), "sn"),
                () -> assertEquals(text(d.remove("genre")), add.genre(), "genre"),
                () -> assertEquals(text(d.remove("cpswd")), add.clusterPassword(), "cpswd"),
                () -> assertEquals(htmlText(d.remove("desc")), add.description(), "desc"),
                () -> assertEquals(text(d.remove("url")), add.homepage(), "url"),
                () -> assertEquals(text(d.remove("listenurl")), add.listenUrl(), "listenurl"),
                () -> assertEquals(text(d.remove("type")), add.contentType(), "type"),
                () -> assertEquals(text(d.remove("stype")), add.subtype(), "stype"),
                () -> assertEquals(bitrate, add.bitrateKbps(), "b"),
                () -> assertEquals(number(audio.get("samplerate")), add.samplerate(), "samplerate"),
                () -> assertEquals(number(audio.get("channels")), add.channels(), "channels"),
                () -> assertEquals(audio.get("quality"), add.quality(), "quality"),
                () -> assertNull(add.admin(), "admin (2.4.4 sends none)"),
                () -> assertNull(add.language(), "language (2.4.4 sends none)"),
                () -> assertNull(add.sourceInstance(), "sourceinstance (2.4.4 sends none)"));
    }

    private static void checkTouch(YpRequest.Touch touch, Map<String, String> d) {
        assertAll(
                () -> assertEquals(text(d.remove("sid")), touch.sid(), "sid"),
                () -> assertEquals(text(d.remove("st")), touch.currentSong(), "st"),
                () -> assertEquals(number(d.remove("listeners")), touch.listeners(), "listeners"),
                () -> assertEquals(number(d.remove("max_listeners")), touch.maxListeners(), "max_listeners"),
                () -> assertEquals(text(d.remove("stype")), touch.subtype(), "stype"),
                () -> assertNull(touch.samplerate(), "samplerate"),
                () -> assertNull(touch.channels(), "channels"));
    }

    // ---- expected values: the documented transformations, written independently of PlainText -------

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d+);");

    private static String text(String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        String s = repairDoubleUtf8(v);
        Matcher m = NUMERIC_ENTITY.matcher(s);
        s = m.replaceAll(r -> new String(Character.toChars(Integer.parseInt(r.group(1)))));
        return s.strip();
    }

    private static String htmlText(String v) {
        return text(v == null ? null : v.replaceAll("<[^>]*>", "").replaceAll("\\s+", " "));
    }

    private static String repairDoubleUtf8(String s) {
        if (s.chars().anyMatch(ch -> ch > 0xFF)) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    private static Integer number(String v) {
        return v == null || v.isEmpty() ? null : Integer.valueOf(v);
    }

    private static Map<String, String> audioInfo(String blob) {
        Map<String, String> out = new HashMap<>();
        for (String part : blob.split(";")) {
            String[] kv = part.split("=", 2);
            out.put(kv[0].replaceFirst("^ice-", ""), kv[1]);
        }
        return out;
    }

    private static boolean endsWith(byte[] body, String suffix) {
        return new String(body, StandardCharsets.ISO_8859_1).endsWith(suffix);
    }

    // ---- Python repr readers ---------------------------------------------------------------------

    /** Reads a Python bytes literal such as {@code b'a=1&b=%20\r\n'}. */
    static byte[] pyBytes(String literal) {
        char quote = literal.charAt(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 2;
        while (literal.charAt(i) != quote) {
            char ch = literal.charAt(i++);
            if (ch != '\\') {
                out.write(ch);
                continue;
            }
            char esc = literal.charAt(i++);
            if (esc == 'x') {
                out.write(Integer.parseInt(literal.substring(i, i + 2), 16));
                i += 2;
            } else {
                out.write(simpleEscape(esc));
            }
        }
        assertEquals(i + 1, literal.length(), "trailing text after the bytes literal");
        return out.toByteArray();
    }

    /** Reads a Python dict repr whose keys and values are all str, e.g. {@code {'a': 'x', 'b': ''}}. */
    static Map<String, String> pyDict(String repr) {
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {0};
        expect(repr, pos, '{');
        while (peek(repr, pos) != '}') {
            String key = pyString(repr, pos);
            expect(repr, pos, ':');
            out.put(key, pyString(repr, pos));
            if (peek(repr, pos) == ',') {
                pos[0]++;
            }
        }
        return out;
    }

    private static String pyString(String s, int[] pos) {
        char quote = peek(s, pos);
        assertTrue(quote == '\'' || quote == '"', () -> "expected a str at " + pos[0] + " in " + s);
        StringBuilder out = new StringBuilder();
        int i = pos[0] + 1;
        while (s.charAt(i) != quote) {
            char ch = s.charAt(i++);
            if (ch != '\\') {
                out.append(ch);
                continue;
            }
            char esc = s.charAt(i++);
            int digits = esc == 'x' ? 2 : esc == 'u' ? 4 : esc == 'U' ? 8 : 0;
            if (digits > 0) {
                out.appendCodePoint(Integer.parseInt(s.substring(i, i + digits), 16));
                i += digits;
            } else {
                out.append(simpleEscape(esc));
            }
        }
        pos[0] = i + 1;
        return out.toString();
    }

    private static char simpleEscape(char esc) {
        switch (esc) {
            case 'r': return '\r';
            case 'n': return '\n';
            case 't': return '\t';
            case '\\': return '\\';
            case '\'': return '\'';
            case '"': return '"';
            default: throw new AssertionError("unsupported escape \\" + esc);
        }
    }

    private static char peek(String s, int[] pos) {
        while (Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
        return s.charAt(pos[0]);
    }

    private static void expect(String s, int[] pos, char c) {
        assertEquals(c, peek(s, pos), () -> "at " + pos[0] + " in " + s);
        pos[0]++;
    }
}
