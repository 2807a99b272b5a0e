package org.ondes.federation.signatures;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * The key an outgoing request is signed with.
 *
 * @param keyId      the URL of the public key, as published in the actor document ({@code <actor>#main-key})
 * @param privateKey the actor's RSA private key
 */
public record SigningKey(String keyId, PrivateKey privateKey) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateKey, "privateKey");
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("only RSA keys sign requests, got " + privateKey.getAlgorithm());
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
