package org.ondes.site;

import io.micronaut.core.annotation.Nullable;
import org.ondes.accounts.Role;

/**
 * What the page layout needs besides the page itself: asset URLs with their version, who is looking (for the header:
 * the account's links and the sign-out form), and the addresses of the pages the header links to.
 *
 * @param page   the view being rendered (marks the current link in the navigation)
 * @param viewer the signed-in account, or null
 */
public record SiteShell(StaticAssets assets, String page, @Nullable Viewer viewer) {
    public static final String SIGN_IN = "/signin";
    public static final String SIGN_UP = "/signup";
    public static final String SIGN_OUT = "/signout";
    public static final String MY_STATIONS = "/me";
    public static final String MY_TOKENS = "/me/tokens";
    public static final String MODERATION = "/moderation";

    public String asset(String file) {
        return assets.url(file);
    }

    public String signIn() {
        return SIGN_IN;
    }

    public String signUp() {
        return SIGN_UP;
    }

    public String signOut() {
        return SIGN_OUT;
    }

    public String myStations() {
        return MY_STATIONS;
    }

    public String tokens() {
        return MY_TOKENS;
    }

    public String moderation() {
        return MODERATION;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean moderator() {
        return viewer != null && viewer.moderates();
    }

    /** Admins also see the audit log. */
    public boolean admin() {
        return viewer != null && viewer.role() == Role.ADMIN;
    }

    /** {@code "page"} for the navigation link of the page being shown (its {@code aria-current}), else null. */
    @Nullable
    public String current(String view) {
        return view.equals(page) ? "page" : null;
    }
}
