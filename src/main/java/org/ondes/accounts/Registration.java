package org.ondes.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The registration mode (open, approval, invite) as the admin set it, from the database. A new instance starts in the
 * mode of {@code ONDES_REGISTRATION_MODE} (default open): it is written on the first start and from then on only
 * the admin changes it ({@code PUT /api/v1/admin/registration}).
 */
@Singleton
public class Registration implements ApplicationEventListener<StartupEvent> {
    /** A change of mode: what it was and what it is now. */
    public record Change(RegistrationMode before, RegistrationMode after) {
    }

    /** The mode, and whether the instance has no account yet (its first account gets in in every mode). */
    public record Status(RegistrationMode mode, boolean empty) {
    }

    private final SettingsStore store;
    private final AccountQueries queries;
    private final RegistrationMode initial;

    Registration(SettingsStore store, AccountQueries queries,
                 @Value("${ondes.registration.mode:open}") String initial) {
        this.store = store;
        this.queries = queries;
        try {
            this.initial = RegistrationMode.parse(initial, "ONDES_REGISTRATION_MODE");
        } catch (RuntimeException e) {
            throw new IllegalStateException("ONDES_REGISTRATION_MODE must be open, approval or invite, not '"
                    + initial + "'");
        }
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        store.initialise(initial);
    }

    @Transactional
    public RegistrationMode mode() {
        return store.mode().orElse(initial);
    }

    @Transactional
    public Status status() {
        return new Status(mode(), !queries.anyAccount());
    }

    /** Admins only (enforced by the caller's role check). */
    @Transactional
    public Change setMode(RegistrationMode mode) {
        return new Change(store.setMode(mode).orElse(initial), mode);
    }
}
