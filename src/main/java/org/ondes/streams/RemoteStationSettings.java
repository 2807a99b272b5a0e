package org.ondes.streams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Remote stations kept by this instance (prefix {@code ondes.federation}), see docs/configuration.md.
 *
 * @param remoteStationRetention how long a remote station (another instance's) is kept after its last live session
 *                               ended ({@code ONDES_FEDERATION_REMOTE_STATION_RETENTION}, e.g. {@code 30d}); at least
 *                               one hour
 */
@ConfigurationProperties("ondes.federation")
record RemoteStationSettings(@Bindable(defaultValue = "30d") Duration remoteStationRetention) {
    static final Duration MIN = Duration.ofHours(1);

    RemoteStationSettings {
        if (remoteStationRetention == null || remoteStationRetention.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("ONDES_FEDERATION_REMOTE_STATION_RETENTION must be at least 1h,"
                    + " e.g. 30d; got " + remoteStationRetention);
        }
    }
}
