package org.ondes.site;

/**
 * What the page layout needs besides the page itself: asset URLs with their version, and the navigation links that
 * other parts of Ondes will serve (sign-in and the streamer's own stations).
 */
public record SiteShell(StaticAssets assets, String page) {
    public static final String SIGN_IN = "/signin";
    public static final String MY_STATIONS = "/me";

    public String asset(String file) {
        return assets.url(file);
    }

    public String signIn() {
        return SIGN_IN;
    }

    public String myStations() {
        return MY_STATIONS;
    }
}
