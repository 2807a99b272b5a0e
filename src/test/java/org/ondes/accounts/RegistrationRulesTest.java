package org.ondes.accounts;

import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ondes.accounts.RegistrationRules.Admission.ACTIVE;
import static org.ondes.accounts.RegistrationRules.Admission.INVITE_REQUIRED;
import static org.ondes.accounts.RegistrationRules.Admission.PENDING;

class RegistrationRulesTest {
    @Test
    void theModeDecidesForAnOrdinarySignUp() {
        assertEquals(ACTIVE, RegistrationRules.admit(RegistrationMode.OPEN, false, false));
        assertEquals(PENDING, RegistrationRules.admit(RegistrationMode.APPROVAL, false, false));
        assertEquals(INVITE_REQUIRED, RegistrationRules.admit(RegistrationMode.INVITE, false, false));
    }

    @Test
    void anInvitationGetsInAtOnceInEveryModeAndSoDoesTheFirstAccount() {
        for (RegistrationMode mode : RegistrationMode.values()) {
            assertEquals(ACTIVE, RegistrationRules.admit(mode, false, true), mode + " with an invitation");
            assertEquals(ACTIVE, RegistrationRules.admit(mode, true, false), mode + ", first account");
        }
    }

    @Test
    void modesHaveWireNamesAndUnknownStoredOnesAreTheStrictest() {
        assertEquals(RegistrationMode.APPROVAL, RegistrationMode.parse(" approval ", "mode"));
        assertEquals("invite", RegistrationMode.INVITE.wire());
        ProblemException bad = assertThrows(ProblemException.class, () -> RegistrationMode.parse("Open", "mode"));
        assertEquals("mode", bad.errors().get(0).name());
        assertThrows(ProblemException.class, () -> RegistrationMode.parse(null, "mode"));
        assertEquals(RegistrationMode.INVITE, RegistrationMode.of("closed"));
    }

    @Test
    void anInvitationsStateNamesTheFirstReasonItCannotBeUsed() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        Instant later = now.plusSeconds(60);
        assertEquals(InviteState.ACTIVE, InviteState.of(false, later, 0, 1, now));
        assertEquals(InviteState.USED_UP, InviteState.of(false, later, 1, 1, now));
        assertEquals(InviteState.EXPIRED, InviteState.of(false, now, 0, 1, now), "expiry is exclusive");
        assertEquals(InviteState.EXPIRED, InviteState.of(false, now.minusSeconds(1), 1, 1, now));
        assertEquals(InviteState.REVOKED, InviteState.of(true, now.minusSeconds(1), 1, 1, now), "the moderator's word first");
        assertEquals("used_up", InviteState.USED_UP.wire());
    }

    @Test
    void invitationTermsHaveDefaultsAndBounds() {
        InviteTerms defaults = InviteTerms.of(null, null, null);
        assertEquals(1, defaults.maxUses());
        assertEquals(Duration.ofDays(7), defaults.validFor());
        assertNull(defaults.note());
        InviteTerms most = InviteTerms.of(1000, 8760, "  for\nthe   crew ");
        assertEquals(1000, most.maxUses());
        assertEquals(Duration.ofHours(8760), most.validFor());
        assertEquals("for the crew", most.note(), "plain, single-line text");
        assertEquals(200, InviteTerms.of(1, 1, "x".repeat(500)).note().length());
        for (Integer uses : new Integer[]{0, -1, 1001}) {
            assertEquals("maxUses", assertThrows(ProblemException.class, () -> InviteTerms.of(uses, null, null))
                    .errors().get(0).name(), String.valueOf(uses));
        }
        for (Integer hours : new Integer[]{0, 8761}) {
            assertEquals("expiresInHours", assertThrows(ProblemException.class, () -> InviteTerms.of(null, hours, null))
                    .errors().get(0).name(), String.valueOf(hours));
        }
    }

    @Test
    void refusedInvitationsCarryTheFormsCodeAndAStatus() {
        assertEquals("invite_required", RegistrationRefused.inviteRequired().code());
        assertEquals(403, RegistrationRefused.inviteRequired().status().getCode());
        assertEquals("invite_invalid", RegistrationRefused.unknownInvite().code());
        assertEquals(400, RegistrationRefused.unknownInvite().status().getCode());
        for (InviteState state : new InviteState[]{InviteState.EXPIRED, InviteState.USED_UP, InviteState.REVOKED}) {
            RegistrationRefused refused = RegistrationRefused.unusable(state);
            assertEquals("invite_" + state.wire(), refused.code());
            assertEquals(410, refused.status().getCode());
            assertEquals("invite", refused.errors().get(0).name());
            assertEquals(refused.code(), SignInErrors.of(refused), "the sign-up form gets the same code");
        }
        assertThrows(IllegalArgumentException.class, () -> RegistrationRefused.unusable(InviteState.ACTIVE));
    }
}
