package org.ondes.probe;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Outbound check settings (prefix {@code ondes.probe}).
 *
 * @param connectTimeoutMs per-address connect timeout
 * @param readTimeoutMs    how long to wait for the status line and the first audio bytes
 * @param concurrency      listen-URL checks running at once on this instance
 * @param perHost          listen-URL checks running at once against one host, on this instance
 */
@ConfigurationProperties("ondes.probe")
public record ProbeSettings(@Bindable(defaultValue = "5000") int connectTimeoutMs,
                            @Bindable(defaultValue = "5000") int readTimeoutMs,
                            @Bindable(defaultValue = "8") int concurrency,
                            @Bindable(defaultValue = "2") int perHost) {
}
