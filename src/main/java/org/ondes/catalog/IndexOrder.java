package org.ondes.catalog;

import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.UUID;

/**
 * The sort order of one search over the index: a numeric key per slot (or the lower-cased name), ties broken by
 * station id, both in the same direction, and the keyset cursor that continues after a given entry. Relevance is
 * scored by the index ({@link SearchIndex}); random is a hash of the station id and the seed, so a seed always gives
 * the same shuffle.
 */
final class IndexOrder {
    private final StreamQuery.Order order;
    private final boolean descending;
    private final long seed;
    private final boolean hasCursor;
    private long cursorKey;
    private String cursorName;
    private long cursorHigh;
    private long cursorLow;

    IndexOrder(StreamQuery q) {
        this.order = q.order();
        this.descending = q.order().descendingByDefault() != q.reverse();
        this.seed = q.seed() == null ? 0 : Long.parseLong(q.seed());
        this.hasCursor = q.cursor() != null;
        if (hasCursor) {
            cursorHigh = q.cursor().id().getMostSignificantBits();
            cursorLow = q.cursor().id().getLeastSignificantBits();
            try {
                parseCursorKey(q.cursor().key());
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this server issued");
            }
        }
    }

    private void parseCursorKey(String text) {
        switch (order) {
            case LISTENERS, BITRATE -> cursorKey = Long.parseLong(text);
            case LIVE_SINCE -> cursorKey = micros(Instant.parse(text));
            case RANDOM -> cursorKey = Long.parseUnsignedLong(text, 16);
            case RELEVANCE -> {
                float f = Float.parseFloat(text);
                if (!(f >= 0) || Float.isInfinite(f)) {
                    throw new IllegalArgumentException("score");
                }
                cursorKey = Float.floatToIntBits(f);
            }
            case NAME -> cursorName = text;
        }
    }

    boolean needsScore() {
        return order == StreamQuery.Order.RELEVANCE;
    }

    /** The slot's key; {@code score} is its relevance (used by that order only). */
    long key(SlotKeys k, int slot, float score) {
        return switch (order) {
            case LISTENERS -> k.listeners[slot];
            case BITRATE -> k.bitrate[slot];
            case LIVE_SINCE -> k.liveSince[slot];
            case RANDOM -> shuffle(k.idHigh[slot], k.idLow[slot], seed);
            case RELEVANCE -> Float.floatToIntBits(score); // scores are >= 0: bit patterns sort like the floats
            case NAME -> 0;
        };
    }

    /** Negative when slot {@code a} (key {@code ka}) comes first in this order. */
    int compare(SlotKeys k, int a, long ka, int b, long kb) {
        int c = ascending(k, a, ka, k.name[b], kb, k.idHigh[b], k.idLow[b]);
        return descending ? -c : c;
    }

    /** Whether the slot comes strictly after the cursor (true for every slot without one). */
    boolean afterCursor(SlotKeys k, int slot, long key) {
        if (!hasCursor) {
            return true;
        }
        int c = ascending(k, slot, key, cursorName, cursorKey, cursorHigh, cursorLow);
        return descending ? c < 0 : c > 0;
    }

    String keyText(SlotKeys k, int slot, long key) {
        return switch (order) {
            case LISTENERS, BITRATE -> Long.toString(key);
            case LIVE_SINCE -> Instant.ofEpochSecond(Math.floorDiv(key, 1_000_000L), Math.floorMod(key, 1_000_000L) * 1_000L).toString();
            case RANDOM -> Long.toHexString(key);
            case RELEVANCE -> Float.toString(Float.intBitsToFloat((int) key));
            case NAME -> k.name[slot];
        };
    }

    private int ascending(SlotKeys k, int a, long ka, String nameB, long kb, long highB, long lowB) {
        int c = switch (order) {
            case NAME -> k.name[a].compareTo(nameB);
            case RANDOM -> Long.compareUnsigned(ka, kb);
            default -> Long.compare(ka, kb);
        };
        return c != 0 ? c : k.compareIds(a, highB, lowB);
    }

    /** UUIDs compared as unsigned 128-bit numbers (byte order, as PostgreSQL compares them). */
    static int compareIds(UUID a, UUID b) {
        return compareIds(a.getMostSignificantBits(), a.getLeastSignificantBits(), b.getMostSignificantBits(),
                b.getLeastSignificantBits());
    }

    static int compareIds(long highA, long lowA, long highB, long lowB) {
        int c = Long.compareUnsigned(highA, highB);
        return c != 0 ? c : Long.compareUnsigned(lowA, lowB);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** A well-mixed 64-bit hash of the station id under this seed (SplitMix64's finaliser). */
    static long shuffle(long high, long low, long seed) {
        long z = high ^ Long.rotateLeft(low, 29) ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
