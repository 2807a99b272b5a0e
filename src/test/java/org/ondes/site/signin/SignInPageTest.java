package org.ondes.site.signin;

import org.junit.jupiter.api.Test;
import org.ondes.site.PageMeta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInPageTest {
    static final PageMeta META = PageMeta.of("Sign in · Ondes", "", "http://x/signin", "website");

    @Test
    void onlyTheFixedCodesHaveAMessage() {
        for (String code : new String[]{"csrf", "credentials", "suspended", "username_taken", "invalid_username",
                "invalid_password", "invalid_email", "too_many_attempts", "too_many_signups", "pending", "invite_required",
                "invite_invalid", "invite_expired", "invite_used_up", "invite_revoked", "setup_link_dead"}) {
            assertEquals(false, SignInMessages.of(code) == null, code);
        }
        assertNull(SignInMessages.of(null));
        assertNull(SignInMessages.of("<script>alert(1)</script>"));
        assertNull(SignInMessages.of("CREDENTIALS"));
        assertTrue(SignInMessages.notice("pending").startsWith("Your account was created."));
        assertNull(SignInMessages.notice("credentials"), "errors are not notices");
        assertNull(SignInMessages.notice(null));
    }

    @Test
    void aLimitSaysHowLongToWaitWhenTheNumberIsSensible() {
        assertEquals("Too many failed sign-ins from your address. For your account's safety, the next attempt has to "
                + "wait. Try again in 2 minutes.", SignInMessages.of("too_many_attempts", "90").text());
        assertEquals("Too many accounts were created from your address lately. Please wait before creating another "
                + "one. Try again in 45 seconds.", SignInMessages.of("too_many_signups", "45").text());
        for (String odd : new String[]{null, "", "-5", "1e9", "99999999", "<b>", "86401"}) {
            assertTrue(SignInMessages.of("too_many_attempts", odd).text().endsWith(" Try again later."), odd);
        }
        assertEquals(SignInMessages.of("credentials"), SignInMessages.of("credentials", "90"), "other codes ignore it");
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
