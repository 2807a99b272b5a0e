package org.ondes.streams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.ondes.text.PlainText;

/** Splits a stream's free-form genre string (as sent in a YP add) into normalised tags. */
public final class Genres {

    /** Most tags kept per stream. */
    public static final int MAX_TAGS = 10;
    /** Longest tag, in code points. */
    public static final int MAX_TAG_LENGTH = 40;

    private static final int MAX_RAW_LENGTH = 2000;
    private static final Pattern SEPARATORS = Pattern.compile("[,;/|#]");
    private static final Pattern WHITESPACE = Pattern.compile(" ");
    /** Icecast's fallback when no genre is configured. */
    private static final String DEFAULT_GENRE = "various";

    private Genres() {
    }

    /**
     * The whole string is first run through {@link PlainText#clean}. If the cleaned text contains any of {@code , ; / | #} it is split on those (so "hip hop" stays one
     * tag), otherwise on whitespace. Each tag is lower-cased, trimmed, stripped of leading '#' and capped
     * at {@value #MAX_TAG_LENGTH} code points. Tags that are empty, have no letter or digit, or are
     * Icecast's default "various" are dropped; duplicates are dropped keeping the first; at most
     * {@value #MAX_TAGS} remain. Never null; the list is immutable.
     */
    public static List<String> split(String raw) {
        // Clean first so that entities such as "&amp;" or "&#8211;" are not cut at their ';' or '#'.
        String text = PlainText.clean(raw, MAX_RAW_LENGTH);
        if (text == null) {
            return List.of();
        }
        Pattern splitter = SEPARATORS.matcher(text).find() ? SEPARATORS : WHITESPACE;
        Set<String> tags = new LinkedHashSet<>();
        for (String part : splitter.split(text)) {
            String tag = normalise(part);
            if (tag != null && !tag.equals(DEFAULT_GENRE)) {
                tags.add(tag);
                if (tags.size() == MAX_TAGS) {
                    break;
                }
            }
        }
        return List.copyOf(new ArrayList<>(tags));
    }

    /**
     * Normalises tags given one by one (an owner's list): each is cleaned with {@link PlainText#clean} and then
     * treated like one part of {@link #split}; empty tags are dropped and duplicates kept once, in order. Unlike
     * {@link #split} the result is not capped and "various" is kept: the caller decides what is too many.
     */
    public static List<String> normalise(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : tags) {
            String clean = PlainText.clean(raw, MAX_RAW_LENGTH);
            String tag = clean == null ? null : normalise(clean);
            if (tag != null) {
                out.add(tag);
            }
        }
        return List.copyOf(out);
    }

    /** {@code part} comes from already-cleaned text, so cleaning it again would decode entities twice. */
    private static String normalise(String part) {
        String tag = part.toLowerCase(Locale.ROOT).trim();
        int start = 0;
        while (start < tag.length() && tag.charAt(start) == '#') {
            start++;
        }
        tag = PlainText.truncate(tag.substring(start).trim(), MAX_TAG_LENGTH).trim();
        return !tag.isEmpty() && hasLetterOrDigit(tag) ? tag : null;
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
