package org.ondes.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Instance-wide settings (prefix {@code ondes}); every one maps to an {@code ONDES_*} environment variable
 * in application.yml and is documented in docs/configuration.md.
 *
 * @param publicUrl               the public base URL every absolute URL derives from; default http://localhost:&lt;port&gt;
 * @param dataDir                 where the embedded database and the generated JWT secret live
 * @param allowPrivateListenUrls  accept listen URLs on private/loopback addresses (tests, LAN-only instances)
 */
@ConfigurationProperties("ondes")
public record OndesConfig(@Nullable String publicUrl,
                          @Bindable(defaultValue = "./data") String dataDir,
                          @Bindable(defaultValue = "false") boolean allowPrivateListenUrls) {
}
