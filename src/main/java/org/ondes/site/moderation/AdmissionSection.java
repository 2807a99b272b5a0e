package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The moderation page's part about who gets in: accounts waiting for approval (approve, reject), invitations (create,
 * list, revoke) and, for admins, the registration mode.
 *
 * @param mode        the registration mode in words ("Open: anyone can create an account")
 * @param modes       the mode switch's choices (shown to admins only)
 * @param canSetMode  the viewer is an admin
 * @param createdUrl  the link of the invitation just created: shown this once, else null
 * @param error       why the last action of this part was refused, or null
 * @param typed       what the new-invitation form held when it was refused
 */
public record AdmissionSection(String mode, List<ModerationPage.Option> modes, boolean canSetMode,
                               List<PendingLine> pending, long pendingTotal, List<InviteLine> invites,
                               long invitesTotal, @Nullable String createdUrl, @Nullable String error, Typed typed) {
    static final AdmissionSection EMPTY = new AdmissionSection("", List.of(), false, List.of(), 0, List.of(), 0, null,
            null, Typed.EMPTY);

    /** An account waiting for approval, with where its approve and reject forms post. */
    public record PendingLine(String username, String createdAtIso, String createdAtText, String approveAction,
                              String rejectAction) {
    }

    /**
     * An invitation.
     *
     * @param uses         "1 of 3 uses"
     * @param state        in words: active, expired, used up, revoked
     * @param usedBy       the accounts made with it, comma-separated, or null
     * @param revokeAction where its revoke form posts, while it is active; else null
     */
    public record InviteLine(long id, @Nullable String note, String createdBy, String uses, String state,
                             String expiresAtIso, String expiresAtText, @Nullable String usedBy,
                             @Nullable String revokeAction) {
    }

    /** The values of the new-invitation form. */
    public record Typed(String maxUses, String expiresInHours, String note) {
        static final Typed EMPTY = new Typed("1", "168", "");
    }

    /** What an action of this part hands the page: the refusal and form values, or the new invitation's link. */
    record Input(@Nullable String error, @Nullable String createdUrl, Typed typed) {
        static final Input NONE = new Input(null, null, Typed.EMPTY);
    }
}
