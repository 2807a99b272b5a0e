package org.ondes.site;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Locale;

/** Which URLs from streams or their owners become links: only absolute http(s) ones (never javascript:, data: …). */
public final class WebLinks {
    private WebLinks() {
    }

    /** The URL if it is an absolute http or https URL with a host, else null (show it as text, or not at all). */
    @Nullable
    public static String http(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
