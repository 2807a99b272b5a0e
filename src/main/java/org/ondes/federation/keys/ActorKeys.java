package org.ondes.federation.keys;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.federation.signatures.RsaKeys;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each actor's RSA 2048 key pair, kept in {@code fed_actor_keys} and made the first time an actor needs one. Several
 * instances may race to make the same actor's key: the first insert wins and everyone uses the stored one. Keys never
 * change once stored, so they are cached for the process's life.
 */
@Singleton
public class ActorKeys {
    /** The instance actor's row key. */
    public static final String INSTANCE = "instance";

    /** An actor's public key (SPKI PEM, as published in its document) and private key (for signing). */
    public record Keys(String publicPem, PrivateKey privateKey) {
    }

    private final JdbcOperations jdbc;
    private final Map<String, Keys> cache = new ConcurrentHashMap<>();

    ActorKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Keys instance() {
        return of(INSTANCE);
    }

    public Keys station(UUID stationId) {
        return of(stationId.toString());
    }

    @Transactional
    Keys of(String actor) {
        Keys cached = cache.get(actor);
        if (cached != null) {
            return cached;
        }
        Keys keys = load(actor).orElseGet(() -> {
            KeyPair pair = RsaKeys.generate();
            jdbc.prepareStatement("""
                    INSERT INTO fed_actor_keys (actor, public_pem, private_pem) VALUES (?, ?, ?)
                    ON CONFLICT (actor) DO NOTHING
                    """, ps -> {
                ps.setString(1, actor);
                ps.setString(2, RsaKeys.publicKeyPem(pair.getPublic()));
                ps.setString(3, RsaKeys.privateKeyPem(pair.getPrivate()));
                return ps.executeUpdate();
            });
            return load(actor).orElseThrow();
        });
        cache.put(actor, keys);
        return keys;
    }

    private Optional<Keys> load(String actor) {
        return jdbc.prepareStatement("SELECT public_pem, private_pem FROM fed_actor_keys WHERE actor = ?", ps -> {
            ps.setString(1, actor);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Keys(rs.getString(1), privateKey(rs.getString(2)))) : Optional.empty();
            }
        });
    }

    private static PrivateKey privateKey(String pem) {
        try {
            return RsaKeys.parsePrivateKey(pem);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("stored private key unreadable", e);
        }
    }
}
