package org.ondes.federation.signatures;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A resolved public key.
 *
 * @param key          the RSA public key
 * @param ownerActorId the id of the actor the key document names as {@code owner} (and that lists this key)
 */
public record ActorKey(PublicKey key, String ownerActorId) {
    public ActorKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ownerActorId, "ownerActorId");
    }
}
