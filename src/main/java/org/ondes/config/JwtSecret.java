package org.ondes.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The HS256 secret that signs login tokens: from the environment, else generated once and kept in the data dir. */
public final class JwtSecret {
    public static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final String FILE_NAME = "jwt-secret";
    private static final int MIN_LENGTH = 32;

    private JwtSecret() {
    }

    public static String resolve(String fromEnvironment, Path dataDir) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            if (fromEnvironment.length() < MIN_LENGTH) {
                throw new IllegalStateException("ONDES_JWT_SECRET must be at least " + MIN_LENGTH + " characters (256 bits)");
            }
            return fromEnvironment;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (stored.length() >= MIN_LENGTH) {
                    return stored;
                }
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: keep the platform default
            }
            Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the JWT secret in " + file + "; set ONDES_JWT_SECRET instead", e);
        }
    }
}
