package org.ondes.site.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.accounts.Accounts;
import org.ondes.accounts.InviteView;
import org.ondes.accounts.PendingAccount;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionSectionsTest {
    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");

    private static InviteView invite(String state, int uses, int max, List<String> usedBy) {
        return new InviteView(7, "for Lou", "mod_anna", max, uses, state, T, T, null, usedBy);
    }

    @Test
    void anInvitationReadsAsItsUsesStateAndAccounts() {
        AdmissionSection.InviteLine active = AdmissionSections.invite(invite("active", 1, 3, List.of("lou")));
        assertEquals("1 of 3 uses", active.uses());
        assertEquals("Active", active.state());
        assertEquals("lou", active.usedBy());
        assertEquals("/moderation/invites/7/revoke", active.revokeAction());
        assertEquals("2026-11-21 10:15 UTC", active.expiresAtText());

        AdmissionSection.InviteLine used = AdmissionSections.invite(invite("used_up", 1, 1, List.of("a", "b")));
        assertEquals("1 of 1 use", used.uses());
        assertEquals("Used up", used.state());
        assertEquals("a, b", used.usedBy());
        assertNull(used.revokeAction(), "only an active invitation can be revoked");
        assertNull(AdmissionSections.invite(invite("expired", 0, 1, List.of())).usedBy());
        assertEquals("Unknown", AdmissionSections.state("something"));
    }

    @Test
    void theModeSwitchIsForAdminsAndMarksTheCurrentMode() {
        AdmissionSection s = AdmissionSections.build("approval", true,
                new Accounts.PendingPage(List.of(new PendingAccount(3, "wait_a", T)), 1),
                new InviteView.Page(List.of(), 0), AdmissionSection.Input.NONE);
        assertTrue(s.canSetMode());
        assertTrue(s.mode().startsWith("Approval"));
        assertEquals(List.of("approval"), s.modes().stream().filter(ModerationPage.Option::selected)
                .map(ModerationPage.Option::value).toList());
        assertEquals("/moderation/accounts/wait_a/approve", s.pending().get(0).approveAction());
        assertEquals("/moderation/accounts/wait_a/reject", s.pending().get(0).rejectAction());
        assertNull(s.createdUrl());
        assertFalse(AdmissionSections.build("open", false, new Accounts.PendingPage(List.of(), 0),
                new InviteView.Page(List.of(), 0), AdmissionSection.Input.NONE).canSetMode());
    }

    @Test
    void itsDoneCodesHaveTheirOwnNotices() {
        for (String code : new String[]{"approved", "rejected", "invite_revoked", "mode_set"}) {
            assertTrue(AdmissionSections.DONE.containsKey(code), code);
            assertFalse(ModerationPages.DONE.containsKey(code), code + " is not one of the other sections' codes");
        }
    }
}
