package org.ondes.federation.signatures;

import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * RSASSA-PKCS1-v1_5 signatures with SHA-256, what every outgoing federation request carries. The RSA operation is most
 * of what a delivery costs the server, so it is made with Conscrypt (BoringSSL) where its native library loads on this
 * machine: about 0.75 ms of CPU per signature against 1.4–1.8 ms with the JDK's provider (docs/performance.md).
 * Elsewhere, when switched off ({@link #allowNative}), or if Conscrypt ever fails to sign, the JDK signs. These
 * signatures are deterministic: both give the same bytes. Conscrypt is used for this alone, never installed as a
 * provider for anything else (TLS, verification), and its library is not even loaded while switched off.
 */
public final class RsaSha256 {
    private static final Logger LOG = LoggerFactory.getLogger(RsaSha256.class);
    private static final String ALGORITHM = "SHA256withRSA";
    private static final AtomicBoolean NATIVE_FAILED = new AtomicBoolean();
    private static volatile boolean nativeAllowed = true;

    private RsaSha256() {
    }

    /** Whether Conscrypt may sign (it may unless the operator says otherwise, {@code ONDES_FEDERATION_NATIVE_RSA}). */
    public static void allowNative(boolean allowed) {
        nativeAllowed = allowed;
    }

    /** Signs {@code data} with {@code key}. */
    public static byte[] sign(byte[] data, PrivateKey key) throws GeneralSecurityException {
        if (nativeAllowed && !NATIVE_FAILED.get() && Native.PROVIDER != null) {
            try {
                return sign(Signature.getInstance(ALGORITHM, Native.PROVIDER), data, key);
            } catch (GeneralSecurityException | RuntimeException e) {
                if (NATIVE_FAILED.compareAndSet(false, true)) {
                    LOG.warn("Conscrypt could not sign ({}); RSA signatures are made by the JDK from now on",
                            e.toString());
                }
            }
        }
        return sign(Signature.getInstance(ALGORITHM), data, key);
    }

    /** Who makes the signatures: {@code "Conscrypt"} or {@code "JDK"}. */
    public static String provider() {
        return nativeAllowed && !NATIVE_FAILED.get() && Native.PROVIDER != null ? "Conscrypt" : "JDK";
    }

    private static byte[] sign(Signature rsa, byte[] data, PrivateKey key) throws GeneralSecurityException {
        rsa.initSign(key);
        rsa.update(data);
        return rsa.sign();
    }

    /** Conscrypt's provider, loaded on first use only; null where its native library does not load. */
    private static final class Native {
        static final Provider PROVIDER = load();

        private static Provider load() {
            try {
                if (Conscrypt.isAvailable()) {
                    Conscrypt.Version v = Conscrypt.version();
                    LOG.info("RSA signatures of federation requests: Conscrypt {}.{}.{} (BoringSSL)", v.major(),
                            v.minor(), v.patch());
                    return Conscrypt.newProvider();
                }
                LOG.info("RSA signatures of federation requests: the JDK's provider (Conscrypt's native library is "
                        + "not available on this machine)");
            } catch (LinkageError | RuntimeException e) {
                LOG.info("RSA signatures of federation requests: the JDK's provider (Conscrypt: {})", e.toString());
            }
            return null;
        }
    }
}
