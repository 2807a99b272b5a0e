package org.ondes.site;

/**
 * What a page tells browsers, search engines and link previews: {@code <title>}, the meta description and the
 * OpenGraph / Twitter card tags. {@code url} is absolute (from {@code ONDES_PUBLIC_URL}).
 *
 * @param ogType {@code website} for lists, {@code music.radio_station} for a station
 */
public record PageMeta(String title, String description, String url, String ogType) {
    static final String SITE_NAME = "Ondes";
    static final int MAX_DESCRIPTION = 200;

    public static PageMeta of(String title, String description, String url, String ogType) {
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            d = d.substring(0, MAX_DESCRIPTION - 1).strip() + "…";
        }
        return new PageMeta(title, d, url, ogType);
    }

    public String siteName() {
        return SITE_NAME;
    }
}
