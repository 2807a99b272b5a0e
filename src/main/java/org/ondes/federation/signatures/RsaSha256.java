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
 * Elsewhere, or if Conscrypt ever fails to sign, the JDK signs. These signatures are deterministic: both give the same
 * bytes. Conscrypt is used for this alone, never installed as a provider for anything else (TLS, verification).
 */
public final class RsaSha256 {
    private static final Logger LOG = LoggerFactory.getLogger(RsaSha256.class);
    private static final String ALGORITHM = "SHA256withRSA";
    private static final Provider NATIVE = loadNative();
    private static final AtomicBoolean NATIVE_FAILED = new AtomicBoolean();

    private RsaSha256() {
    }

    /** Signs {@code data} with {@code key}. */
    public static byte[] sign(byte[] data, PrivateKey key) throws GeneralSecurityException {
        if (NATIVE != null && !NATIVE_FAILED.get()) {
            try {
                return sign(Signature.getInstance(ALGORITHM, NATIVE), data, key);
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
        return NATIVE != null && !NATIVE_FAILED.get() ? "Conscrypt" : "JDK";
    }

    private static byte[] sign(Signature rsa, byte[] data, PrivateKey key) throws GeneralSecurityException {
        rsa.initSign(key);
        rsa.update(data);
        return rsa.sign();
    }

    private static Provider loadNative() {
        try {
            if (Conscrypt.isAvailable()) {
                Provider provider = Conscrypt.newProvider();
                Conscrypt.Version v = Conscrypt.version();
                LOG.info("RSA signatures of federation requests: Conscrypt {}.{}.{} (BoringSSL)", v.major(), v.minor(),
                        v.patch());
                return provider;
            }
            LOG.info("RSA signatures of federation requests: the JDK's provider (Conscrypt's native library is not "
                    + "available on this machine)");
        } catch (LinkageError | RuntimeException e) {
            LOG.info("RSA signatures of federation requests: the JDK's provider (Conscrypt: {})", e.toString());
        }
        return null;
    }
}
