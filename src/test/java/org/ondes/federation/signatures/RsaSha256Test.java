package org.ondes.federation.signatures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RsaSha256Test {

    @Test
    void signaturesAreExactlyTheJdksAndVerifyWithIt() throws Exception {
        KeyPair keys = RsaKeys.generate();
        for (String text : new String[] {"", "(request-target): post /inbox\nhost: ondes.example\ndate: x",
                "é".repeat(5_000)}) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            byte[] ours = RsaSha256.sign(data, keys.getPrivate());
            Signature jdk = Signature.getInstance("SHA256withRSA");
            jdk.initSign(keys.getPrivate());
            jdk.update(data);
            assertArrayEquals(jdk.sign(), ours, "PKCS#1 v1.5 signatures are deterministic: the same bytes");
            jdk.initVerify(keys.getPublic());
            jdk.update(data);
            assertTrue(jdk.verify(ours));
        }
    }

    @Test
    void switchedOffTheJdkSignsTheSameBytes() throws Exception {
        KeyPair keys = RsaKeys.generate();
        byte[] data = "date: Sat, 21 Nov 2026 12:00:00 GMT".getBytes(StandardCharsets.UTF_8);
        byte[] before = RsaSha256.sign(data, keys.getPrivate());
        try {
            RsaSha256.allowNative(false);
            assertEquals("JDK", RsaSha256.provider());
            assertArrayEquals(before, RsaSha256.sign(data, keys.getPrivate()));
        } finally {
            RsaSha256.allowNative(true);
        }
    }

    @Test
    void theNativeSignerLoadsOnLinuxX64() {
        // the CPU a fan-out costs depends on it: a fresh CI machine must get it from the dependency alone
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        if (linuxX64) {
            assertEquals("Conscrypt", RsaSha256.provider());
        }
    }
}
