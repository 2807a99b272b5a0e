package org.ondes.streams;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The grouping rule: sessions of one owner whose stream names are equal after this normalisation belong to one
 * station (relays and extra mounts of the same program).
 */
public final class StationKey {
    private StationKey() {
    }

    public static String of(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("\\s+", " ").strip();
    }
}
