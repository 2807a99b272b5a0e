package org.ondes.site;

import java.util.Locale;

/**
 * The media type the browser is asked about ({@code audio.canPlayType}) before a stream is offered for in-browser
 * playback. Icecast announces Ogg streams as {@code application/ogg} whatever is inside; naming the codec makes the
 * answer specific (Chromium plays Ogg Vorbis and Opus, other browsers differ), and {@code audio/aacp} (HE-AAC) is asked
 * as ADTS AAC, which is how browsers that play it accept it.
 */
final class PlaybackTypes {
    private PlaybackTypes() {
    }

    static String probeType(String contentType, String codec) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String c = codec == null ? "" : codec.strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/ogg") || type.equals("audio/ogg") || type.equals("audio/x-ogg")
                || type.equals("application/x-ogg")) {
            switch (c) {
                case "vorbis":
                    return "audio/ogg; codecs=\"vorbis\"";
                case "opus":
                    return "audio/ogg; codecs=\"opus\"";
                case "flac":
                    return "audio/ogg; codecs=\"flac\"";
                default:
                    return "audio/ogg";
            }
        }
        if (type.equals("audio/aacp") || type.equals("audio/x-aacp") || type.equals("audio/x-aac")) {
            return "audio/aac";
        }
        if (type.equals("audio/x-mpeg") || type.equals("audio/mp3") || type.equals("application/mp3")) {
            return "audio/mpeg";
        }
        return type;
    }
}
