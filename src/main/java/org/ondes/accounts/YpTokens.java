package org.ondes.accounts;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.config.PublicUrls;
import org.ondes.streams.Streams;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * YP tokens: the per-user secret in the YP URL that every Icecast announcement carries. A token is 256 random bits,
 * URL-safe, stored only as its SHA-256 hash and shown in full once, at creation.
 */
@Singleton
public class YpTokens {
    static final int MAX_TOKENS_PER_ACCOUNT = 50;
    static final int MAX_LABEL = 100;
    /** Shape of every token we issue; anything else is refused without a database lookup. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();
    private final TokenStore store;
    private final PublicUrls urls;
    private final Streams streams;

    YpTokens(TokenStore store, PublicUrls urls, Streams streams) {
        this.store = store;
        this.urls = urls;
        this.streams = streams;
    }

    @Transactional
    public CreatedYpToken create(long accountId, String label) {
        String clean = PlainText.clean(label, MAX_LABEL);
        if (clean == null) {
            clean = "Icecast";
        }
        if (store.countActive(accountId) >= MAX_TOKENS_PER_ACCOUNT) {
            throw new ProblemException(HttpStatus.CONFLICT, "Too many YP tokens",
                    "an account can hold at most " + MAX_TOKENS_PER_ACCOUNT + " active YP tokens; revoke one first");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long id = store.insert(accountId, clean, hash(token), token.substring(token.length() - 4));
        return new CreatedYpToken(id, clean, urls.ypUrl(token));
    }

    @Transactional
    public List<YpTokenView> list(long accountId) {
        return store.listActive(accountId).stream()
                .map(r -> new YpTokenView(r.id(), r.label(), urls.ypUrl("…" + r.hint()), r.createdAt(), r.lastUsedAt(),
                        r.validFrom(), r.validUntil()))
                .toList();
    }

    /** Revokes at once: the token stops working and every stream announced with it leaves the catalog. */
    @Transactional
    public void revoke(long accountId, long tokenId) {
        if (!store.revoke(accountId, tokenId)) {
            throw ProblemException.notFound("no active YP token " + tokenId + " on this account");
        }
        streams.endSessionsOfToken(tokenId, "token revoked");
    }

    /** Looks up a presented token; empty when it is malformed or unknown. */
    @Transactional
    public Optional<TokenGrant> grantFor(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return store.findGrant(hash(token));
    }

    @Transactional
    public void markUsed(long[] tokenIds) {
        if (tokenIds.length > 0) {
            store.markUsed(tokenIds);
        }
    }

    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
