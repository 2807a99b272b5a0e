package org.ondes.federation.signatures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for RFC 8941 structured fields (dictionaries, lists, inner lists, items with parameters), as used by
 * {@code Content-Digest}, {@code Signature-Input} and RFC 9421 {@code Signature}. Strict, as the RFC asks: any
 * syntax error fails the whole field with an {@link IllegalArgumentException} that callers turn into a refusal.
 */
final class StructuredFields {

    /** A bare item: {@code Long}, {@code BigDecimal}, {@code String}, {@link Token}, {@code byte[]} or {@code Boolean}. */
    interface Member {
        Map<String, Object> params();
    }

    record Item(Object value, Map<String, Object> params) implements Member {
    }

    record InnerList(List<Item> items, Map<String, Object> params) implements Member {
    }

    record Token(String text) {
    }

    private final String input;
    private int pos;

    private StructuredFields(String input) {
        this.input = input;
    }

    /** Parses a dictionary field value (the members of several field lines joined with {@code ", "}). */
    static Map<String, Member> dictionary(String field) {
        StructuredFields p = new StructuredFields(field);
        p.skipSpaces();
        Map<String, Member> result = new LinkedHashMap<>();
        while (!p.atEnd()) {
            String key = p.key();
            Member member;
            if (p.peek('=')) {
                p.pos++;
                member = p.member();
            } else {
                member = new Item(Boolean.TRUE, p.params());
            }
            result.remove(key); // the last duplicate wins, but takes the later position
            result.put(key, member);
            if (!p.nextListMember()) {
                break;
            }
        }
        return result;
    }

    /** Parses a list field value. */
    static List<Member> list(String field) {
        StructuredFields p = new StructuredFields(field);
        p.skipSpaces();
        List<Member> result = new ArrayList<>();
        while (!p.atEnd()) {
            result.add(p.member());
            if (!p.nextListMember()) {
                break;
            }
        }
        return result;
    }

    private boolean nextListMember() {
        skipOws();
        if (atEnd()) {
            return false;
        }
        expect(',');
        skipOws();
        if (atEnd()) {
            throw fail("trailing comma");
        }
        return true;
    }

    private Member member() {
        if (peek('(')) {
            pos++;
            List<Item> items = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (peek(')')) {
                    pos++;
                    return new InnerList(items, params());
                }
                items.add(new Item(bareItem(), params()));
                if (!peek(' ') && !peek(')')) {
                    throw fail("expected a space or ')' in an inner list");
                }
            }
        }
        return new Item(bareItem(), params());
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        while (peek(';')) {
            pos++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (peek('=')) {
                pos++;
                value = bareItem();
            }
            params.put(key, value);
        }
        return params;
    }

    private String key() {
        int start = pos;
        if (atEnd() || !(isLcAlpha(input.charAt(pos)) || input.charAt(pos) == '*')) {
            throw fail("expected a key");
        }
        while (!atEnd()) {
            char c = input.charAt(pos);
            if (isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*') {
                pos++;
            } else {
                break;
            }
        }
        return input.substring(start, pos);
    }

    private Object bareItem() {
        if (atEnd()) {
            throw fail("expected an item");
        }
        char c = input.charAt(pos);
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return bytes();
        }
        if (c == '?') {
            pos++;
            if (peek('1') || peek('0')) {
                return input.charAt(pos++) == '1';
            }
            throw fail("bad boolean");
        }
        if (Character.isLetter(c) && c < 128 || c == '*') {
            int start = pos;
            while (!atEnd() && isTokenChar(input.charAt(pos))) {
                pos++;
            }
            return new Token(input.substring(start, pos));
        }
        throw fail("unexpected character '" + c + "'");
    }

    private Object number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        int digitsStart = pos;
        boolean decimal = false;
        while (!atEnd()) {
            char c = input.charAt(pos);
            if (isDigit(c)) {
                pos++;
            } else if (c == '.' && !decimal) {
                decimal = true;
                pos++;
            } else {
                break;
            }
        }
        String text = input.substring(start, pos);
        int digits = pos - digitsStart;
        if (digits == 0 || (!decimal && digits > 15) || (decimal && (digits > 16 || text.endsWith(".")))) {
            throw fail("bad number");
        }
        return decimal ? new BigDecimal(text) : (Object) Long.parseLong(text);
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd() || (input.charAt(pos) != '"' && input.charAt(pos) != '\\')) {
                    throw fail("bad escape in a string");
                }
                out.append(input.charAt(pos++));
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw fail("control or non-ASCII character in a string");
            } else {
                out.append(c);
            }
        }
        throw fail("unterminated string");
    }

    private byte[] bytes() {
        pos++;
        int end = input.indexOf(':', pos);
        if (end < 0) {
            throw fail("unterminated byte sequence");
        }
        String b64 = input.substring(pos, end);
        pos = end + 1;
        if (!b64.matches("[A-Za-z0-9+/=]*")) {
            throw fail("bad base64 in a byte sequence");
        }
        return Base64.getDecoder().decode(b64.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean peek(char c) {
        return !atEnd() && input.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private void skipSpaces() {
        while (peek(' ')) {
            pos++;
        }
    }

    private void skipOws() {
        while (peek(' ') || peek('\t')) {
            pos++;
        }
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException(why + " at position " + pos);
    }

    private static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && "\"(),;<=>?@[\\]{}".indexOf(c) < 0; // tchar, plus ":" and "/"
    }
}
