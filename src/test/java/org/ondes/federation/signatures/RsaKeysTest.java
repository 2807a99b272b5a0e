package org.ondes.federation.signatures;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RsaKeysTest {

    /** The draft-cavage test key's public half in PKCS#1 ({@code openssl rsa -RSAPublicKey_out}). */
    private static final String PKCS1_PUBLIC = """
            -----BEGIN RSA PUBLIC KEY-----
            MIGJAoGBAMIUQ0bDffIaKHL3akONlCGXQLfqs8mP4K99ILz6rbyHEDXrVAU1R3Xf
            C4JNRyrRB3aqwF7/aEXJzYMIkmDSHUvvz7pnhQxHsQ5yl91QT0d/eb+Gz4VRHjm4
            El4MrUdIUcPxscoPqS/wU8Z8lOi1z7bGMnChiL7WGqnV8h6RrGzJAgMBAAE=
            -----END RSA PUBLIC KEY-----
            """;

    @Test
    void generates2048BitKeys() {
        KeyPair pair = RsaKeys.generate();
        assertEquals(2048, ((RSAPublicKey) pair.getPublic()).getModulus().bitLength());
    }

    @Test
    void writesSpkiAndPkcs8PemThatReadsBack() throws Exception {
        KeyPair pair = RsaKeys.generate();
        String publicPem = RsaKeys.publicKeyPem(pair.getPublic());
        String privatePem = RsaKeys.privateKeyPem(pair.getPrivate());
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"), publicPem);
        assertTrue(publicPem.endsWith("\n-----END PUBLIC KEY-----\n"), publicPem);
        assertTrue(publicPem.lines().allMatch(line -> line.length() <= 64), publicPem);
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"), privatePem);
        assertEquals(pair.getPublic(), RsaKeys.parsePublicKey(publicPem));
        assertEquals(pair.getPrivate(), RsaKeys.parsePrivateKey(privatePem));
    }

    @Test
    void readsPkcs1PublicKeysAsTheSameKeyAsSpki() throws Exception {
        PublicKey pkcs1 = RsaKeys.parsePublicKey(PKCS1_PUBLIC);
        assertEquals(DraftTestKey.PUBLIC, pkcs1);
    }

    @Test
    void readsPkcs1PrivateKeys() {
        PrivateKey key = DraftTestKey.PRIVATE; // the draft prints it as BEGIN RSA PRIVATE KEY
        assertEquals(((RSAPublicKey) DraftTestKey.PUBLIC).getModulus(), ((RSAPrivateCrtKey) key).getModulus());
    }

    @Test
    void toleratesCrlfIndentationEscapedNewlinesAndSurroundingText() throws Exception {
        String pem = RsaKeys.publicKeyPem(DraftTestKey.PUBLIC);
        assertEquals(DraftTestKey.PUBLIC, RsaKeys.parsePublicKey(pem.replace("\n", "\r\n")));
        assertEquals(DraftTestKey.PUBLIC, RsaKeys.parsePublicKey("   " + pem.replace("\n", "\n    ")));
        assertEquals(DraftTestKey.PUBLIC, RsaKeys.parsePublicKey(pem.replace("\n", "\\n")));
        assertEquals(DraftTestKey.PUBLIC, RsaKeys.parsePublicKey("key follows:\n" + pem.strip() + " (end)"));
    }

    @Test
    void explainsGarbage() {
        assertEquals("no public key: the PEM text is empty",
                assertThrows(InvalidKeyException.class, () -> RsaKeys.parsePublicKey(" ")).getMessage());
        assertEquals("no public key: no -----BEGIN …----- / -----END …----- block found",
                assertThrows(InvalidKeyException.class, () -> RsaKeys.parsePublicKey("MIIBIjANBgkqhkiG9w0B")).getMessage());
        assertEquals("the BEGIN PUBLIC KEY block is not base64", assertThrows(InvalidKeyException.class,
                () -> RsaKeys.parsePublicKey("-----BEGIN PUBLIC KEY-----\n%%%%\n-----END PUBLIC KEY-----")).getMessage());
        assertEquals("the PUBLIC KEY block is not an RSA public key", assertThrows(InvalidKeyException.class,
                () -> RsaKeys.parsePublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")).getMessage());
        assertEquals("expected a BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY block, got BEGIN PRIVATE KEY",
                assertThrows(InvalidKeyException.class, () -> RsaKeys.parsePublicKey(
                        RsaKeys.privateKeyPem(DraftTestKey.PRIVATE))).getMessage());
        assertEquals("expected a BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY block, got BEGIN PUBLIC KEY",
                assertThrows(InvalidKeyException.class, () -> RsaKeys.parsePrivateKey(
                        RsaKeys.publicKeyPem(DraftTestKey.PUBLIC))).getMessage());
    }
}
