package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.accounts.Accounts;
import org.ondes.accounts.InviteView;
import org.ondes.accounts.PendingAccount;
import org.ondes.site.Formats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds the {@link AdmissionSection} of the moderation page from the admission lists. */
final class AdmissionSections {
    /** What a moderator is told after an action of this part worked ({@code ?done=…}). */
    static final Map<String, String> DONE = Map.of(
            "approved", "The account is approved: it can sign in now.",
            "rejected", "The account is rejected and deleted; its user name is free again.",
            "invite_revoked", "The invitation is revoked: its link creates no more accounts.",
            "mode_set", "The registration mode is changed, for every instance of this directory.");

    /** The modes in the switch's order, and how each reads. */
    static final Map<String, String> MODES = Map.of(
            "open", "Open: anyone can create an account",
            "approval", "Approval: moderators approve each new account before it can sign in",
            "invite", "Invitation only: new accounts need an invitation link");
    private static final List<String> MODE_ORDER = List.of("open", "approval", "invite");

    private AdmissionSections() {
    }

    static AdmissionSection build(String mode, boolean admin, Accounts.PendingPage pending, InviteView.Page invites,
                                  AdmissionSection.Input input) {
        return new AdmissionSection(MODES.getOrDefault(mode, mode),
                MODE_ORDER.stream().map(m -> new ModerationPage.Option(m, MODES.get(m), m.equals(mode))).toList(),
                admin, pending.items().stream().map(AdmissionSections::pending).toList(), pending.total(),
                invites.items().stream().map(AdmissionSections::invite).toList(), invites.total(), input.createdUrl(),
                input.error(), input.typed());
    }

    static AdmissionSection.PendingLine pending(PendingAccount a) {
        String base = "/moderation/accounts/" + URLEncoder.encode(a.username(), StandardCharsets.UTF_8);
        return new AdmissionSection.PendingLine(a.username(), a.createdAt().toString(), Formats.dateTime(a.createdAt()),
                base + "/approve", base + "/reject");
    }

    static AdmissionSection.InviteLine invite(InviteView i) {
        String uses = i.uses() + " of " + i.maxUses() + (i.maxUses() == 1 ? " use" : " uses");
        return new AdmissionSection.InviteLine(i.id(), i.note(), i.createdBy(), uses, state(i.state()),
                i.expiresAt().toString(), Formats.dateTime(i.expiresAt()),
                i.usedBy().isEmpty() ? null : String.join(", ", i.usedBy()),
                "active".equals(i.state()) ? "/moderation/invites/" + i.id() + "/revoke" : null);
    }

    static String state(@Nullable String wire) {
        return switch (wire == null ? "" : wire) {
            case "active" -> "Active";
            case "expired" -> "Expired";
            case "used_up" -> "Used up";
            case "revoked" -> "Revoked";
            default -> "Unknown";
        };
    }
}
