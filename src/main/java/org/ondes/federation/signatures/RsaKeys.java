package org.ondes.federation.signatures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA key pairs for actors, and their PEM form.
 * <ul>
 *   <li>public keys are written as SPKI ({@code BEGIN PUBLIC KEY}), what actor documents' {@code publicKeyPem}
 *       carries; read as SPKI or PKCS#1 ({@code BEGIN RSA PUBLIC KEY}), which some servers publish;</li>
 *   <li>private keys are written as PKCS#8 ({@code BEGIN PRIVATE KEY}); read as PKCS#8 or PKCS#1
 *       ({@code BEGIN RSA PRIVATE KEY}).</li>
 * </ul>
 * Reading tolerates CRLF, indentation, missing final newlines and text around the PEM block; anything else fails
 * with an {@link InvalidKeyException} that says what was wrong.
 */
public final class RsaKeys {

    /** The modulus size of generated keys. */
    public static final int BITS = 2048;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private RsaKeys() {
    }

    /** A new RSA key pair of {@link #BITS} bits. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }

    /** {@code key} as an SPKI PEM block ({@code -----BEGIN PUBLIC KEY-----}, 64-character lines, final newline). */
    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** {@code key} as a PKCS#8 PEM block ({@code -----BEGIN PRIVATE KEY-----}). */
    public static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** Reads an RSA public key from SPKI ({@code BEGIN PUBLIC KEY}) or PKCS#1 ({@code BEGIN RSA PUBLIC KEY}) PEM. */
    public static PublicKey parsePublicKey(String pem) throws InvalidKeyException {
        Block block = block(pem, "public");
        byte[] spki = switch (block.type) {
            case "PUBLIC KEY" -> block.der;
            case "RSA PUBLIC KEY" -> sequence(concat(RSA_ALGORITHM_ID, bitString(block.der)));
            default -> throw new InvalidKeyException("expected a BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY block, got BEGIN "
                    + block.type);
        };
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidKeyException("the " + block.type + " block is not an RSA public key", e);
        }
    }

    /** Reads an RSA private key from PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) PEM. */
    public static PrivateKey parsePrivateKey(String pem) throws InvalidKeyException {
        Block block = block(pem, "private");
        byte[] pkcs8 = switch (block.type) {
            case "PRIVATE KEY" -> block.der;
            case "RSA PRIVATE KEY" -> sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM_ID,
                    octetString(block.der)));
            default -> throw new InvalidKeyException("expected a BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY block, got BEGIN "
                    + block.type);
        };
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidKeyException("the " + block.type + " block is not an RSA private key", e);
        }
    }

    private record Block(String type, byte[] der) {
    }

    private static Block block(String pem, String kind) throws InvalidKeyException {
        if (pem == null || pem.isBlank()) {
            throw new InvalidKeyException("no " + kind + " key: the PEM text is empty");
        }
        Matcher m = PEM.matcher(pem.replace("\\n", "\n"));
        if (!m.find()) {
            throw new InvalidKeyException("no " + kind + " key: no -----BEGIN …----- / -----END …----- block found");
        }
        String body = m.group(2).replaceAll("\\s+", "");
        if (body.isEmpty() || !body.matches("[A-Za-z0-9+/]+={0,2}")) {
            throw new InvalidKeyException("the BEGIN " + m.group(1) + " block is not base64");
        }
        try {
            return new Block(m.group(1), Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("the BEGIN " + m.group(1) + " block is not base64", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] bitString(byte[] content) {
        return tlv(0x03, concat(new byte[] {0}, content));
    }

    private static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
