package org.ondes.hardening;

import org.ondes.testkit.IcecastWire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile values for the battery, drawn from a seeded {@link Random} so every run sends the same inputs: markup and
 * script, header-injection attempts, control and NUL bytes, over-long text, odd Unicode, huge and malformed numbers,
 * and (for form bodies) invalid UTF-8 and broken percent-encoding.
 */
final class Hostile {
    /** Markers that must never come back unescaped in HTML or break XML. */
    static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'><svg/onload=alert(1)>",
            "<iframe src=javascript:alert(1)>",
            "javascript:alert(1)",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "<scr<script>ipt>alert(1)</script>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "]]><script>alert(1)</script>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "{{7*7}}${7*7}[[${7*7}]]",
            "<style>body{display:none}</style>",
            "<a href=\"javascript:alert(1)\">x</a>");
    static final List<String> INJECTION = List.of(
            "a\r\nX-Injected: 1", "a\r\n\r\nHTTP/1.1 200 OK\r\nYPResponse: 1", "a\nYPResponse: 1", "a\rSID: 42",
            "\r\nSet-Cookie: ondes_session=x", "a\u0085b", "a\u2028YPResponse: 1", "a\u2029b", "a\u000bb\u000cc");
    static final List<String> CONTROL = List.of(
            "a\u0000b", "\u0000", "\u001b[31mred\u001b[0m", "\u007f\u0080\u009f", "\u202eevil\u202c", "\ufeffbom",
            "\ud83d\ude00\ud83c\udfb5", "e\u0301\u0301\u0301\u0301", "\ufffd\uffff", "\t\t  \n ", "");
    static final List<String> NUMBERS = List.of(
            "99999999999999999999999", "-1", "-2147483649", "2147483648", "9223372036854775808", "1e308", "NaN",
            "Infinity", "0x7fffffff", "12abc", " 42 ", "+5", "٣", "1,000", "0.5", "-0", "", "00000000000000000001");
    /** Already form-encoded (ASCII) values that decode to broken bytes. */
    static final List<String> BROKEN_ENCODING = List.of(
            "%ff%fe%fd", "%c0%af", "%ed%a0%80", "%e2%82", "%f8%88%80%80%80", "%", "%z", "%zz", "%2", "%%%", "%0",
            "%00", "%0d%0aX-Injected%3a%201", "%25%30%30", "a+b%2b", "%c3%83%c2%a9", "%e2%80%ae%00", "%5c%22%27",
            "\u00e9\u00ff");

    private final Random random;

    Hostile(long seed) {
        random = new Random(seed);
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A hostile text: markup, injection, control characters, over-long, or a mix of them. */
    String text() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(MARKUP);
            case 1 -> pick(INJECTION);
            case 2 -> pick(CONTROL);
            case 3 -> "x".repeat(pick(List.of(201, 1001, 5000, 20_000))) + pick(MARKUP);
            case 4 -> pick(MARKUP) + pick(INJECTION) + pick(CONTROL);
            default -> pick(NUMBERS);
        };
    }

    /** A form value, percent-encoded as Icecast does or broken on purpose (ISO-8859-1 chars pass as raw bytes). */
    String formValue() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(BROKEN_ENCODING);
            case 1 -> pick(BROKEN_ENCODING) + IcecastWire.esc(text());
            case 2 -> rawUnsafe(pick(MARKUP));
            default -> IcecastWire.esc(text());
        };
    }

    /** Markup sent without percent-encoding (raw {@code <}, quotes, spaces), as a sloppy client would. */
    private static String rawUnsafe(String s) {
        return s.replace("&", "%26").replace("=", "%3d");
    }

    String number() {
        return pick(NUMBERS);
    }

    /** A JSON string literal for a hostile text (escaped as JSON requires, so the JSON itself is valid). */
    String jsonString() {
        String s = text();
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A JSON value of any type, often the wrong one. */
    String jsonValue() {
        return switch (random.nextInt(9)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> pick(List.of("1e999", "-1", "123456789012345678901234567890", "1.5", "0"));
            case 3 -> "[" + jsonString() + "," + jsonString() + "]";
            case 4 -> "{\"a\":" + jsonString() + "}";
            case 5 -> "\"" + "y".repeat(pick(List.of(33, 1025, 100_000))) + "\"";
            default -> jsonString();
        };
    }

    /** Bytes that are not a well-formed JSON document, or not one object. */
    byte[] brokenJson(String validObject) {
        return switch (random.nextInt(10)) {
            case 0 -> validObject.substring(0, random.nextInt(Math.max(1, validObject.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 -> "[".repeat(5000).getBytes(StandardCharsets.US_ASCII);
            case 2 -> ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
            case 3 -> concat(validObject.substring(0, validObject.length() - 1).getBytes(StandardCharsets.UTF_8),
                    new byte[]{',', '"', 'x', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc0, '"', '}'});
            case 4 -> "{'username':'a'}".getBytes(StandardCharsets.US_ASCII);
            case 5 -> new byte[]{0, 0, 0, 0};
            case 6 -> "\"just a string\"".getBytes(StandardCharsets.US_ASCII);
            case 7 -> ("{\"a\":1}" + "garbage").getBytes(StandardCharsets.US_ASCII);
            case 8 -> "{\"x\":\"\\ud800\"}".getBytes(StandardCharsets.US_ASCII);
            default -> new byte[0];
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
