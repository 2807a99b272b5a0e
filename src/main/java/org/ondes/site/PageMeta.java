package org.ondes.site;

import io.micronaut.core.annotation.Nullable;

/**
 * What a page tells browsers, search engines and link previews: {@code <title>}, the meta description and the
 * OpenGraph / Twitter card tags. {@code url} is absolute (from {@code ONDES_PUBLIC_URL}).
 *
 * @param ogType {@code website} for lists, {@code music.radio_station} for a station
 * @param robots the robots meta tag ({@code noindex} for an unlisted station's page), or null for none
 */
public record PageMeta(String title, String description, String url, String ogType, @Nullable String robots) {
    static final String SITE_NAME = "Ondes";
    static final int MAX_DESCRIPTION = 200;

    public static PageMeta of(String title, String description, String url, String ogType) {
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            d = d.substring(0, MAX_DESCRIPTION - 1).strip() + "…";
        }
        return new PageMeta(title, d, url, ogType, null);
    }

    /** The same page, asking search engines not to index it. */
    public PageMeta noindex() {
        return new PageMeta(title, description, url, ogType, "noindex");
    }

    public String siteName() {
        return SITE_NAME;
    }
}
