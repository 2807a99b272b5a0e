package org.ondes.catalog;

import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.UUID;

/**
 * The sort order of one search over the index: a numeric key per entry (or its lower-cased name), ties broken by
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
    private UUID cursorId;

    IndexOrder(StreamQuery q) {
        this.order = q.order();
        this.descending = q.order().descendingByDefault() != q.reverse();
        this.seed = q.seed() == null ? 0 : Long.parseLong(q.seed());
        this.hasCursor = q.cursor() != null;
        if (hasCursor) {
            cursorId = q.cursor().id();
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

    /** The entry's key; {@code score} is its relevance (used by that order only). */
    long key(IndexedEntry e, float score) {
        return switch (order) {
            case LISTENERS -> e.entry().listeners();
            case BITRATE -> e.bitrate() == null ? -1 : e.bitrate();
            case LIVE_SINCE -> e.liveSinceMicros();
            case RANDOM -> shuffle(e.id(), seed);
            case RELEVANCE -> Float.floatToIntBits(score); // scores are >= 0: bit patterns sort like the floats
            case NAME -> 0;
        };
    }

    /** Negative when {@code a} comes first in this order. */
    int compare(IndexedEntry a, long ka, IndexedEntry b, long kb) {
        int c = ascending(a, ka, b.sortName(), kb, b.id());
        return descending ? -c : c;
    }

    /** Whether the entry comes strictly after the cursor (true for every entry without one). */
    boolean afterCursor(IndexedEntry e, long k) {
        if (!hasCursor) {
            return true;
        }
        int c = ascending(e, k, cursorName, cursorKey, cursorId);
        return descending ? c < 0 : c > 0;
    }

    String keyText(IndexedEntry e, long k) {
        return switch (order) {
            case LISTENERS, BITRATE -> Long.toString(k);
            case LIVE_SINCE -> Instant.ofEpochSecond(Math.floorDiv(k, 1_000_000L), Math.floorMod(k, 1_000_000L) * 1_000L).toString();
            case RANDOM -> Long.toHexString(k);
            case RELEVANCE -> Float.toString(Float.intBitsToFloat((int) k));
            case NAME -> e.sortName();
        };
    }

    private int ascending(IndexedEntry a, long ka, String nameB, long kb, UUID idB) {
        int c = switch (order) {
            case NAME -> a.sortName().compareTo(nameB);
            case RANDOM -> Long.compareUnsigned(ka, kb);
            default -> Long.compare(ka, kb);
        };
        return c != 0 ? c : compareIds(a.id(), idB);
    }

    /** UUIDs compared as unsigned 128-bit numbers (byte order, as PostgreSQL compares them). */
    static int compareIds(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** A well-mixed 64-bit hash of the station id under this seed (SplitMix64's finaliser). */
    static long shuffle(UUID id, long seed) {
        long z = id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 29) ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
