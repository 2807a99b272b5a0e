package org.ondes.catalog;

import java.util.Arrays;

/** A sorted set of entry slots (one search word's or filter term's entries), kept as a plain int array. */
final class Postings {
    private int[] slots = new int[2];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int get(int i) {
        return slots[i];
    }

    void add(int slot) {
        int i = Arrays.binarySearch(slots, 0, size, slot);
        if (i >= 0) {
            return;
        }
        i = -i - 1;
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
        }
        System.arraycopy(slots, i, slots, i + 1, size - i);
        slots[i] = slot;
        size++;
    }

    void remove(int slot) {
        int i = Arrays.binarySearch(slots, 0, size, slot);
        if (i < 0) {
            return;
        }
        System.arraycopy(slots, i + 1, slots, i, size - i - 1);
        size--;
        if (size > 16 && size < slots.length / 4) {
            slots = Arrays.copyOf(slots, slots.length / 2);
        }
    }

    /** The backing array, sorted in its first {@link #size()} places; read it only, under the index's lock. */
    int[] array() {
        return slots;
    }

    /** Copies the slots to {@code out} from {@code at}; returns the position after the last one copied. */
    int copyTo(int[] out, int at) {
        System.arraycopy(slots, 0, out, at, size);
        return at + size;
    }
}
