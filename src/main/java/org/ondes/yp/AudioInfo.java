package org.ondes.yp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.ondes.text.PlainText;

/**
 * The source's {@code ice-audio-info} string as relayed in a YP add, e.g.
 * {@code bitrate=128;channels=2;samplerate=44100} or {@code ice-samplerate=44100;ice-bitrate=128;ice-quality=4}.
 *
 * @param bitrateKbps bitrate in kbit/s (values above 1000 are taken as bit/s and converted)
 * @param samplerate  sample rate in Hz
 * @param channels    channel count
 * @param quality     encoder quality setting as text (e.g. "4" or "0.40")
 */
public record AudioInfo(Integer bitrateKbps, Integer samplerate, Integer channels, String quality) {

    /** Nothing known. */
    public static final AudioInfo EMPTY = new AudioInfo(null, null, null, null);

    static final int MAX_QUALITY_LENGTH = 32;

    /**
     * Splits on ';', then each part at its first '='; keys are case-insensitive and an {@code ice-}
     * prefix is ignored; values are percent-decoded once (libshout escapes them). Unknown keys and parts
     * without '=' are ignored; for a repeated key the first wins. Null in → {@link #EMPTY}; never throws.
     */
    public static AudioInfo parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        Map<String, String> values = new HashMap<>();
        for (String part : raw.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (key.startsWith("ice-")) {
                key = key.substring(4);
            }
            values.putIfAbsent(key, FormCodec.decodeText(part.substring(eq + 1)));
        }
        return new AudioInfo(
                Numbers.kbps(Numbers.lenientInt(values.get("bitrate"))),
                Numbers.lenientInt(values.get("samplerate")),
                Numbers.lenientInt(values.get("channels")),
                PlainText.clean(values.get("quality"), MAX_QUALITY_LENGTH));
    }
}
