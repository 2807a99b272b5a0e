package org.ondes.catalog;

import java.util.Collection;

/**
 * Set operations on sorted arrays of index slots: intersection with a posting list by galloping search (cheap when
 * one side is much smaller, as a word is next to a codec), and membership in a union of postings through a bitset.
 */
final class SlotSets {
    private SlotSets() {
    }

    /** Keeps in {@code slots[0..n)} those also in {@code p}; returns how many are left (in place, order kept). */
    static int retain(int[] slots, int n, Postings p) {
        int[] other = p.array();
        int size = p.size();
        int kept = 0;
        int j = 0;
        for (int i = 0; i < n && j < size; i++) {
            int s = slots[i];
            j = gallop(other, j, size, s);
            if (j < size && other[j] == s) {
                slots[kept++] = s;
            }
        }
        return kept;
    }

    /** The first index in {@code a[from..size)} whose value is >= {@code target} (size if none). */
    private static int gallop(int[] a, int from, int size, int target) {
        if (from >= size || a[from] >= target) {
            return from;
        }
        int step = 1;
        int lo = from;
        int hi = from + 1;
        while (hi < size && a[hi] < target) {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        hi = Math.min(hi, size);
        // a[lo] < target; answer in (lo, hi]
        int left = lo + 1;
        int right = hi;
        while (left < right) {
            int mid = (left + right) >>> 1;
            if (a[mid] < target) {
                left = mid + 1;
            } else {
                right = mid;
            }
        }
        return left;
    }

    /** The union of these postings as a bitset over slots {@code [0, slotCount)}. */
    static long[] union(Collection<Postings> postings, int slotCount) {
        long[] bits = new long[(slotCount + 63) >>> 6];
        for (Postings p : postings) {
            int[] a = p.array();
            for (int i = 0, n = p.size(); i < n; i++) {
                bits[a[i] >>> 6] |= 1L << a[i];
            }
        }
        return bits;
    }

    /** Keeps in {@code slots[0..n)} those whose bit is set; returns how many are left. */
    static int retain(int[] slots, int n, long[] bits) {
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int s = slots[i];
            if ((bits[s >>> 6] & (1L << s)) != 0) {
                slots[kept++] = s;
            }
        }
        return kept;
    }

    /** The set bits, ascending. */
    static int[] toSlots(long[] bits, int count) {
        int[] out = new int[count];
        int n = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return n == count ? out : java.util.Arrays.copyOf(out, n);
    }
}
