package org.ondes.federation.signatures;

import java.util.Objects;

/** What {@link HttpVerifier} concluded about a request: {@link Verified} or {@link Refused}. */
public sealed interface Verification permits Verification.Verified, Verification.Refused {

    /**
     * The request was signed by {@code keyId}, which belongs to {@code ownerActorId}. The caller must still check
     * that the activity's {@code actor} is that owner.
     */
    record Verified(String keyId, String ownerActorId) implements Verification {
        public Verified {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(ownerActorId, "ownerActorId");
        }
    }

    /**
     * The request is not trusted. {@code reason} names the check that failed; {@code message} says it in words
     * fit for a 401 {@code detail} (it may quote the sender's own parameters, so escape it in HTML).
     */
    record Refused(Reason reason, String message) implements Verification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Which check refused the request. */
    enum Reason {
        /** No signature: no {@code Signature} header, or none for the label in {@code Signature-Input}. */
        NOT_SIGNED,
        /** The {@code Signature} header, or a signed {@code Date}, could not be parsed. */
        MALFORMED,
        /**
         * An RFC 9421 signature using more than Ondes supports (several signatures, component parameters, other
         * derived components), or any RFC 9421 signature for {@link HttpVerifier#draftCavageOnly}: answer 401 so
         * double-knocking senders retry with draft-cavage.
         */
        UNSUPPORTED_SCHEME,
        /**
         * An algorithm other than {@code rsa-sha256}, {@code hs2019} or none (RFC 9421: {@code rsa-v1_5-sha256} or
         * none), or a key that is not RSA.
         */
        UNSUPPORTED_ALGORITHM,
        /** A header the rules require is not signed, or a signed header is not in the request. */
        MISSING_HEADER,
        /** The {@code Digest} does not match the body, or has no SHA-256 value. */
        BAD_DIGEST,
        /** {@code Date} or {@code created} is more than an hour away from now, or {@code expires} has passed. */
        STALE_DATE,
        /** The key resolver does not know {@code keyId}, even after a refetch. */
        UNKNOWN_KEY,
        /** The signature does not verify with the key, even after refetching the key once. */
        BAD_SIGNATURE
    }
}
