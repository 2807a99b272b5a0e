package org.ondes.streams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * YP timing (prefix {@code ondes.yp}).
 *
 * @param touchFreq   seconds Icecast is told to wait between touches (TouchFreq header, default 180, min 30)
 * @param expiryGrace seconds without a touch before a session expires; default 3 × touchFreq + 60
 */
@ConfigurationProperties("ondes.yp")
public record StreamsSettings(@Bindable(defaultValue = "180") int touchFreq, @Nullable Integer expiryGrace) {
    public int effectiveTouchFreq() {
        return Math.max(30, touchFreq);
    }

    public Duration grace() {
        return Duration.ofSeconds(expiryGrace != null && expiryGrace > 0 ? expiryGrace : 3L * effectiveTouchFreq() + 60);
    }
}
