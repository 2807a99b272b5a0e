package org.ondes.federation.signatures;

import java.util.Optional;

/**
 * Finds the public key named by a signature's {@code keyId}; implemented by the caller (e.g. a remote actor cache
 * that fetches {@code keyId} and reads {@code publicKey.publicKeyPem} and {@code owner}).
 *
 * <p>{@link HttpVerifier} first asks with {@code refetch = false} (a cached key is fine; fetch only when none is
 * cached). If the signature does not verify with that key, it asks once more with {@code refetch = true}: the
 * resolver should then fetch the key again, bypassing and updating its cache, because the sender may have rotated
 * its key. Throttling such refetches per host is the resolver's business; when the remote cannot be reached it may
 * return the cached key or empty.
 */
@FunctionalInterface
public interface PublicKeys {

    /** The key and its owner, or empty when {@code keyId} cannot be resolved. Must not throw for bad input. */
    Optional<ActorKey> resolve(String keyId, boolean refetch);
}
