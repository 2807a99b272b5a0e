package org.ondes.yp;

import org.ondes.accounts.TokenGrant;
import org.ondes.accounts.YpTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Keeps the touch hot path off the tokens table. It caches only the token → token-id mapping of active tokens, which
 * never changes; revocation needs no invalidation because revoking ends the token's sessions in the same
 * transaction, so their touches miss and take the slow path that reads the token's current state.
 * Keys are SHA-256 digests, so no token sits in memory in clear.
 */
final class TokenCache {
    private static final int MAX_ENTRIES = 100_000;
    private static final long MARK_USED_EVERY_MS = 60_000;
    private final YpTokens tokens;
    private final Executor background;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastMarked = new ConcurrentHashMap<>();

    TokenCache(YpTokens tokens, Executor background) {
        this.tokens = tokens;
        this.background = background;
    }

    Long cachedTokenId(String token) {
        return ids.get(key(token));
    }

    /** Reads the token's current grant from the database (and remembers its id when active). */
    Optional<TokenGrant> grant(String token) {
        Optional<TokenGrant> grant = tokens.grantFor(token);
        grant.filter(TokenGrant::active).ifPresent(g -> {
            if (ids.size() >= MAX_ENTRIES) {
                ids.clear();
            }
            ids.put(key(token), g.tokenId());
        });
        return grant;
    }

    void forget(String token) {
        ids.remove(key(token));
    }

    /** Records "last used" at most once a minute per token, in the background (never on the reply path). */
    void markUsed(long tokenId) {
        long now = System.currentTimeMillis();
        Long last = lastMarked.get(tokenId);
        if (last != null && now - last < MARK_USED_EVERY_MS) {
            return;
        }
        lastMarked.put(tokenId, now);
        background.execute(() -> {
            try {
                tokens.markUsed(new long[]{tokenId});
            } catch (RuntimeException e) {
                lastMarked.remove(tokenId);
            }
        });
    }

    private static String key(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
