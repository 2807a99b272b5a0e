package org.ondes.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;

/** SQL for accounts_settings, the one row of instance-wide account settings. Callers provide the transaction. */
@Singleton
class SettingsStore {
    private final JdbcOperations jdbc;

    SettingsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the row unless it exists: the first start of a new instance decides its initial mode. */
    void initialise(RegistrationMode mode) {
        jdbc.prepareStatement("""
                INSERT INTO accounts_settings (registration_mode) VALUES (?) ON CONFLICT (id) DO NOTHING
                """, ps -> {
            ps.setString(1, mode.wire());
            return ps.executeUpdate();
        });
    }

    Optional<RegistrationMode> mode() {
        return jdbc.prepareStatement("SELECT registration_mode FROM accounts_settings", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RegistrationMode.of(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /** Sets the mode (the row is locked until the transaction ends) and returns the one it replaced. */
    Optional<RegistrationMode> setMode(RegistrationMode mode) {
        Optional<RegistrationMode> before = jdbc.prepareStatement(
                "SELECT registration_mode FROM accounts_settings FOR UPDATE", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(RegistrationMode.of(rs.getString(1))) : Optional.empty();
                    }
                });
        jdbc.prepareStatement("""
                INSERT INTO accounts_settings (registration_mode) VALUES (?)
                ON CONFLICT (id) DO UPDATE SET registration_mode = excluded.registration_mode, updated_at = now()
                """, ps -> {
            ps.setString(1, mode.wire());
            return ps.executeUpdate();
        });
        return before;
    }
}
