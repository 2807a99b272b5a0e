package org.ondes.moderation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A stream-name rule. Names are compared after Unicode NFKC normalisation (so fullwidth or "mathematical" letters
 * count as the plain ones) and without regard to case.
 *
 * <ul>
 *   <li>{@link Glob}: {@code *} stands for any run of characters, {@code ?} for one; the whole name must match
 *       ({@code *casino*} matches every name containing "casino"). Matched in time proportional to pattern length
 *       times name length, whatever the pattern.</li>
 *   <li>{@link Regex}: Java syntax, found anywhere in the name (anchor with {@code ^…$}). Backtracking can make a
 *       pattern take exponential time on some names, so each evaluation is bounded: it may read the name's characters
 *       at most {@value #MAX_READS} times and run {@value #MAX_MILLIS} ms; past that it is {@link TooSlow}.</li>
 * </ul>
 */
sealed interface NamePattern permits NamePattern.Glob, NamePattern.Regex {
    int MAX_LENGTH = 500;
    long MAX_READS = 200_000;
    long MAX_MILLIS = 20;

    /** Whether the name matches; throws {@link TooSlow} when a regex could not decide within its bounds. */
    boolean matches(String name);

    /** The form names and patterns are compared in. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Parses a moderator's pattern; throws IllegalArgumentException saying what is wrong. */
    static NamePattern parse(String syntax, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is required: the name pattern");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        if ("regex".equals(syntax)) {
            try {
                return new Regex(raw, Pattern.compile(raw, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("is not a valid regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " at position " + e.getIndex() : ""));
            }
        }
        String glob = raw.strip();
        if (glob.chars().allMatch(c -> c == '*' || c == '?')) {
            throw new IllegalArgumentException("must contain something besides * and ?: it would refuse every stream");
        }
        return new Glob(glob, fold(glob).codePoints().toArray());
    }

    /** A glob pattern; {@code folded} holds its code points after {@link #fold}. */
    record Glob(String text, int[] folded) implements NamePattern {
        @Override
        public boolean matches(String name) {
            return matches(folded, fold(name).codePoints().toArray());
        }

        /** The classic greedy matcher: on a mismatch it only retries from the last {@code *}, so it never explodes. */
        static boolean matches(int[] p, int[] s) {
            int pi = 0;
            int si = 0;
            int star = -1;
            int mark = 0;
            while (si < s.length) {
                if (pi < p.length && p[pi] != '*' && (p[pi] == '?' || p[pi] == s[si])) {
                    pi++;
                    si++;
                } else if (pi < p.length && p[pi] == '*') {
                    star = pi++;
                    mark = si;
                } else if (star >= 0) {
                    pi = star + 1;
                    si = ++mark;
                } else {
                    return false;
                }
            }
            while (pi < p.length && p[pi] == '*') {
                pi++;
            }
            return pi == p.length;
        }
    }

    record Regex(String text, Pattern pattern) implements NamePattern {
        @Override
        public boolean matches(String name) {
            Matcher m = pattern.matcher(new BoundedChars(fold(name), MAX_READS,
                    System.nanoTime() + MAX_MILLIS * 1_000_000));
            return m.find();
        }
    }

    /** A regex ran out of its bounds on a name: the rule could not decide. */
    final class TooSlow extends RuntimeException {
        TooSlow() {
            super("the name pattern took too long", null, false, false);
        }
    }

    /**
     * The name as the regex engine reads it, one character at a time: counts the reads, looks at the clock every
     * 1,024 of them, and throws {@link TooSlow} past either bound, which stops the match wherever it is.
     */
    final class BoundedChars implements CharSequence {
        private final String text;
        private final long deadline;
        private final long[] reads;
        private final long maxReads;
        private final int offset;
        private final int length;

        BoundedChars(String text, long maxReads, long deadlineNanos) {
            this(text, 0, text.length(), maxReads, deadlineNanos, new long[1]);
        }

        private BoundedChars(String text, int offset, int length, long maxReads, long deadline, long[] reads) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.maxReads = maxReads;
            this.deadline = deadline;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            long n = ++reads[0];
            if (n > maxReads || ((n & 1023) == 0 && System.nanoTime() - deadline > 0)) {
                throw new TooSlow();
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedChars(text, offset + start, end - start, maxReads, deadline, reads);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
