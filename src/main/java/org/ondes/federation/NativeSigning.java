package org.ondes.federation;

import io.micronaut.context.annotation.Context;
import org.ondes.federation.signatures.RsaSha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code ondes.federation.native-rsa} ({@code ONDES_FEDERATION_NATIVE_RSA}) at startup: whether the RSA
 * signatures of federation requests may be made by Conscrypt's native code ({@link RsaSha256}) or only by the JDK.
 */
@Context
class NativeSigning {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSigning.class);

    NativeSigning(FederationSettings settings) {
        RsaSha256.allowNative(settings.nativeRsa());
        if (!settings.nativeRsa()) {
            LOG.info("RSA signatures of federation requests: the JDK's provider (ONDES_FEDERATION_NATIVE_RSA=false)");
        }
    }
}
