package org.ondes.streams;

import java.util.Locale;

/** Derives a listener-facing codec name from the MIME type and Icecast's sub-type (Ogg codec list). */
public final class Codecs {
    private Codecs() {
    }

    public static String of(String contentType, String subtype) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        String sub = subtype == null ? "" : subtype.toLowerCase(Locale.ROOT);
        if (type.equals("audio/mpeg") || type.equals("audio/x-mpeg") || type.equals("audio/mp3") || type.equals("application/mp3")) {
            return "MP3";
        }
        if (type.equals("audio/aacp") || type.equals("audio/x-aacp")) {
            return "AAC+";
        }
        if (type.equals("audio/aac") || type.equals("audio/x-aac") || type.equals("audio/mp4")) {
            return "AAC";
        }
        if (type.equals("audio/flac") || type.equals("audio/x-flac")) {
            return "FLAC";
        }
        if (type.equals("audio/opus")) {
            return "Opus";
        }
        if (type.endsWith("/ogg") || type.equals("application/x-ogg") || type.startsWith("application/ogg")
                || type.endsWith("/webm")) {
            if (sub.contains("opus") || type.endsWith("+opus")) {
                return "Opus";
            }
            if (sub.contains("flac")) {
                return "FLAC";
            }
            if (sub.contains("vorbis") || type.endsWith("+vorbis")) {
                return "Vorbis";
            }
            if (sub.contains("theora")) {
                return "Theora";
            }
            return type.endsWith("/webm") ? "WebM" : "Ogg";
        }
        if (type.equals("video/nsv")) {
            return "NSV";
        }
        return null;
    }
}
