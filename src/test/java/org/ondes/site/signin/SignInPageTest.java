package org.ondes.site.signin;

import org.junit.jupiter.api.Test;
import org.ondes.site.PageMeta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SignInPageTest {
    static final PageMeta META = PageMeta.of("Sign in · Ondes", "", "http://x/signin", "website");

    @Test
    void onlyTheFixedCodesHaveAMessage() {
        for (String code : new String[]{"csrf", "credentials", "suspended", "username_taken", "invalid_username",
                "invalid_password", "invalid_email"}) {
            assertEquals(false, SignInMessages.of(code) == null, code);
        }
        assertNull(SignInMessages.of(null));
        assertNull(SignInMessages.of("<script>alert(1)</script>"));
        assertNull(SignInMessages.of("CREDENTIALS"));
    }

    @Test
    void anErrorIsTiedToTheFieldsItIsAbout() {
        SignInPage wrongPassword = new SignInPage(META, true, "t", null, SignInMessages.of("invalid_password"), "/signin");
        assertEquals("password-hint form-error", wrongPassword.describedBy("password"));
        assertEquals("true", wrongPassword.invalid("password"));
        assertEquals("username-hint", wrongPassword.describedBy("username"));
        assertNull(wrongPassword.invalid("username"));

        SignInPage expired = new SignInPage(META, false, "t", null, SignInMessages.of("csrf"), "/signup");
        assertEquals("form-error", expired.describedBy("username"), "a form-wide error goes with the first field");
        assertNull(expired.describedBy("password"));
        assertNull(expired.invalid("username"), "nothing typed was wrong");

        SignInPage clean = new SignInPage(META, false, "t", "/me", null, "/signup");
        assertNull(clean.describedBy("username"));
        assertNull(clean.errorText());
        assertEquals("Sign in", clean.heading());
        assertEquals("/signin", clean.action());
    }
}
