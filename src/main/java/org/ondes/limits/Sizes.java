package org.ondes.limits;

/** Byte counts in words for messages: "64 KiB", "1 MiB", "500 bytes". */
public final class Sizes {
    private Sizes() {
    }

    public static String text(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
