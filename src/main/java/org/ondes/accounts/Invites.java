package org.ondes.accounts;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.config.PublicUrls;
import org.ondes.web.ProblemException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invitations: links that let someone create an account in invite-only mode, and skip approval in approval mode.
 * Moderators and admins make them; the code is 256 random bits, stored only as its SHA-256 hash and shown once, in
 * the link. Each sign-up with it takes one use; once all are taken, it has expired or a moderator revoked it, it
 * creates no more accounts.
 */
@Singleton
public class Invites {
    /** The query parameter of the sign-up page that carries the code. */
    public static final String PARAMETER = "invite";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final InviteStore store;
    private final PublicUrls urls;
    private final SecureRandom random = new SecureRandom();

    Invites(InviteStore store, PublicUrls urls) {
        this.store = store;
        this.urls = urls;
    }

    @Transactional
    public CreatedInvite create(long creatorId, String creatorName, InviteTerms terms) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long id = store.insert(YpTokens.hash(code), creatorId, creatorName, terms);
        InviteStore.Row row = store.find(id).orElseThrow();
        return new CreatedInvite(id, urls.of("/signup?" + PARAMETER + "=" + code), row.note(), row.maxUses(),
                row.expiresAt());
    }

    @Transactional
    public InviteView.Page list(int limit, int offset) {
        return new InviteView.Page(store.page(limit, offset).stream().map(Invites::view).toList(), store.count());
    }

    @Transactional
    public Optional<InviteView> find(long id) {
        return store.find(id).map(Invites::view);
    }

    /** Revokes at once: the link creates no more accounts (those it created stay). */
    @Transactional
    public InviteView revoke(long id) {
        InviteStore.Row row = store.find(id).orElseThrow(() -> ProblemException.notFound("no invitation " + id));
        if (!store.revoke(id)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already revoked", "invitation " + id + " is already revoked");
        }
        return view(store.find(row.id()).orElseThrow());
    }

    /** What the sign-up page says about a code from a link: its state, or empty for a malformed or unknown code. */
    @Transactional
    public Optional<InviteState> check(String code) {
        return wellFormed(code) ? store.state(YpTokens.hash(code)) : Optional.empty();
    }

    /**
     * Takes one use of the invitation for a sign-up in the caller's transaction (it is given back if that rolls
     * back), or refuses it saying why.
     */
    InviteStore.Use take(String code) {
        if (!wellFormed(code)) {
            throw RegistrationRefused.unknownInvite();
        }
        byte[] hash = YpTokens.hash(code);
        Optional<InviteStore.Use> use = store.take(hash);
        if (use.isPresent()) {
            return use.get();
        }
        InviteState state = store.state(hash).orElseThrow(RegistrationRefused::unknownInvite);
        // ACTIVE here means the row changed between the two statements (a revocation rolled back): refuse as used up
        throw RegistrationRefused.unusable(state == InviteState.ACTIVE ? InviteState.USED_UP : state);
    }

    public static boolean wellFormed(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    private static InviteView view(InviteStore.Row r) {
        return new InviteView(r.id(), r.note(), r.createdBy(), r.maxUses(), r.uses(), r.state().wire(), r.expiresAt(),
                r.createdAt(), r.revokedAt(), r.usedBy());
    }
}
