package org.ondes.site.me;

/**
 * The icecast.xml blocks that announce to Ondes, ready to paste, for a YP URL: the same ones docs/icecast.md and
 * icecast-samples/ document ({@code IcecastSnippetsTest} checks that they stay the same). The timeout is 5 s: Icecast
 * 2.4 accepts 1 to 10 (anything else becomes 6), and Ondes answers within a few seconds.
 */
final class IcecastSnippets {
    static final int TIMEOUT_SECONDS = 5;

    private IcecastSnippets() {
    }

    /** Icecast 2.4 and Icecast-KH: a {@code <directory>} block. */
    static String icecast24(String ypUrl) {
        return "<directory>\n"
                + "    <yp-url-timeout>" + TIMEOUT_SECONDS + "</yp-url-timeout>\n"
                + "    <yp-url>" + xml(ypUrl) + "</yp-url>\n"
                + "</directory>";
    }

    /** Icecast 2.5: a {@code <yp-directory>} element. */
    static String icecast25(String ypUrl) {
        return "<yp-directory url=\"" + xml(ypUrl) + "\">\n"
                + "    <option name=\"timeout\" value=\"" + TIMEOUT_SECONDS + "\"/>\n"
                + "</yp-directory>";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
