package org.ondes.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** A raw YP response head, parsed the way Icecast 2.4 reads it (exact header names, value after ": "). */
public record YpReplyHead(String raw, Map<String, String> headers) {
    public static YpReplyHead parse(String raw) {
        Map<String, String> h = new LinkedHashMap<>();
        String[] lines = raw.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                h.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
            }
        }
        return new YpReplyHead(raw, h);
    }

    public boolean ok() {
        return raw.contains("\r\nYPResponse: 1\r\n");
    }

    public String message() {
        return headers.get("YPMessage");
    }

    public String sid() {
        return headers.get("SID");
    }
}
