package org.ondes.yp;

/**
 * One request of the Icecast YP protocol, as produced by {@link YpRequestParser}.
 *
 * <p>Every text component is plain text (see {@code org.ondes.text.PlainText}): cleaned, length-capped,
 * never empty (absent or empty values are null) and not escaped for any output. Numbers are null when
 * absent or not a non-negative number.
 */
public sealed interface YpRequest {

    /**
     * {@code action=add}.
     *
     * @param name            {@code sn}; Icecast's default is "Unspecified name"
     * @param genre           {@code genre} as sent (one string; split it with {@code Genres.split})
     * @param description     {@code desc}, converted from HTML to text
     * @param homepage        {@code url}, the station's web site, unvalidated
     * @param listenUrl       {@code listenurl}, unvalidated
     * @param contentType     {@code type}, the MIME type as sent
     * @param subtype         {@code stype}, e.g. "Vorbis"
     * @param bitrateKbps     {@code b}, else the audio-info bitrate; bit/s values (> 1000) converted
     * @param quality         audio-info {@code quality}, as text
     * @param samplerate      {@code samplerate} (2.5), else from audio info
     * @param channels        {@code channels} (2.5), else from audio info
     * @param admin           {@code admin} contact (2.5, KH)
     * @param language        {@code language} (2.5)
     * @param sourceInstance  {@code sourceinstance} (2.5), one per source connection
     * @param clusterPassword {@code cpswd}
     */
    record Add(String name, String genre, String description, String homepage, String listenUrl,
               String contentType, String subtype, Integer bitrateKbps, String quality, Integer samplerate,
               Integer channels, String admin, String language, String sourceInstance, String clusterPassword)
            implements YpRequest {
    }

    /**
     * {@code action=touch}.
     *
     * @param sid          the session id as sent (trimmed, capped); compare it yourself
     * @param currentSong  {@code st}
     * @param listeners    {@code listeners}
     * @param maxListeners {@code max_listeners}
     * @param subtype      {@code stype}
     * @param samplerate   {@code samplerate} (2.5)
     * @param channels     {@code channels} (2.5)
     */
    record Touch(String sid, String currentSong, Integer listeners, Integer maxListeners, String subtype,
                 Integer samplerate, Integer channels) implements YpRequest {
    }

    /** {@code action=remove}. */
    record Remove(String sid) implements YpRequest {
    }

    /** No {@code action} (null) or one other than add, touch and remove (the cleaned value as sent). */
    record Unknown(String action) implements YpRequest {
    }
}
