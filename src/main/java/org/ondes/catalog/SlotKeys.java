package org.ondes.catalog;

import java.util.Arrays;

/**
 * The sort keys of every index slot in plain arrays, so ordering tens of thousands of matches reads a few arrays
 * instead of chasing one object per entry. Not thread-safe; {@link SearchIndex} guards it.
 */
final class SlotKeys {
    static final int NO_BITRATE = -1;

    int[] listeners = new int[0];
    int[] bitrate = new int[0];
    long[] liveSince = new long[0];
    long[] idHigh = new long[0];
    long[] idLow = new long[0];
    String[] name = new String[0];

    void set(int slot, IndexedEntry e) {
        if (slot >= listeners.length) {
            int n = Math.max(1024, Math.max(slot + 1, listeners.length * 2));
            listeners = Arrays.copyOf(listeners, n);
            bitrate = Arrays.copyOf(bitrate, n);
            liveSince = Arrays.copyOf(liveSince, n);
            idHigh = Arrays.copyOf(idHigh, n);
            idLow = Arrays.copyOf(idLow, n);
            name = Arrays.copyOf(name, n);
        }
        listeners[slot] = e.entry().listeners();
        bitrate[slot] = e.bitrate() == null ? NO_BITRATE : e.bitrate();
        liveSince[slot] = e.liveSinceMicros();
        idHigh[slot] = e.id().getMostSignificantBits();
        idLow[slot] = e.id().getLeastSignificantBits();
        name[slot] = e.sortName();
    }

    void clear(int slot) {
        name[slot] = null;
    }

    /** Station ids compared as unsigned 128-bit numbers (byte order, as PostgreSQL compares uuids). */
    int compareIds(int a, long high, long low) {
        return IndexOrder.compareIds(idHigh[a], idLow[a], high, low);
    }
}
