package org.ondes.site.signin;

import org.junit.jupiter.api.Test;
import org.ondes.accounts.InviteState;
import org.ondes.accounts.RegistrationMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignUpRulesTest {
    @Test
    void eachModeSaysHowAccountsAreMadeAndInviteOnlyHidesTheForm() {
        SignUpRules.Outcome open = SignUpRules.of(RegistrationMode.OPEN, false, false, null);
        assertNull(open.intro());
        assertTrue(open.showForm());
        assertEquals(SignUpRules.APPROVAL, SignUpRules.of(RegistrationMode.APPROVAL, false, false, null).intro());
        SignUpRules.Outcome closed = SignUpRules.of(RegistrationMode.INVITE, false, false, null);
        assertEquals(SignUpRules.INVITE_ONLY, closed.intro());
        assertFalse(closed.showForm());
        assertNull(closed.errorCode(), "no invitation given is not an error");
    }

    @Test
    void aUsableInvitationIsCarriedInEveryMode() {
        for (RegistrationMode mode : RegistrationMode.values()) {
            SignUpRules.Outcome o = SignUpRules.of(mode, false, true, InviteState.ACTIVE);
            assertTrue(o.showForm() && o.carryCode(), mode.wire());
            assertEquals(SignUpRules.INVITED, o.intro());
        }
    }

    @Test
    void anUnusableInvitationIsExplainedAndNotCarried() {
        SignUpRules.Outcome used = SignUpRules.of(RegistrationMode.INVITE, false, true, InviteState.USED_UP);
        assertEquals("invite_used_up", used.errorCode());
        assertFalse(used.showForm() || used.carryCode());
        SignUpRules.Outcome unknown = SignUpRules.of(RegistrationMode.OPEN, false, true, null);
        assertEquals("invite_invalid", unknown.errorCode());
        assertTrue(unknown.showForm(), "open registration still works");
        assertFalse(unknown.carryCode());
        assertEquals("invite_expired", SignUpRules.of(RegistrationMode.APPROVAL, false, true, InviteState.EXPIRED).errorCode());
        for (String code : new String[]{"invite_used_up", "invite_invalid", "invite_expired", "invite_revoked"}) {
            assertTrue(SignInMessages.of(code) != null, code + " has a message");
        }
    }

    @Test
    void theFirstAccountOfAnEmptyDirectoryAlwaysGetsTheForm() {
        for (RegistrationMode mode : RegistrationMode.values()) {
            SignUpRules.Outcome o = SignUpRules.of(mode, true, false, null);
            assertTrue(o.showForm(), mode.wire());
            assertEquals(SignUpRules.FIRST, o.intro());
        }
    }
}
