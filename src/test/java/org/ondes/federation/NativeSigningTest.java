package org.ondes.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ondes.federation.signatures.RsaSha256;

class NativeSigningTest {

    @Test
    void theSettingDecidesWhoSigns() {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        try {
            new NativeSigning(new FederationSettings(true, false, false));
            assertEquals("JDK", RsaSha256.provider(), "ONDES_FEDERATION_NATIVE_RSA=false: the JDK only");
            new NativeSigning(new FederationSettings(true, false, true));
            assertEquals(linuxX64 ? "Conscrypt" : RsaSha256.provider(), RsaSha256.provider());
        } finally {
            RsaSha256.allowNative(true);
        }
    }
}
