package org.ondes.federation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Federation (prefix {@code ondes.federation}), see docs/configuration.md and docs/federation.md.
 *
 * @param enabled                 whether this instance speaks ActivityPub at all (off: no actors, WebFinger or inboxes)
 * @param allowPrivateAddresses   let federation requests go to loopback and private addresses; for tests on one
 *                                machine only, never in production
 * @param nativeRsa               let Conscrypt's native code (BoringSSL) make the RSA signatures, at about half the
 *                                JDK's CPU cost; false: the JDK only
 */
@ConfigurationProperties("ondes.federation")
public record FederationSettings(@Bindable(defaultValue = "true") boolean enabled,
                                 @Bindable(defaultValue = "false") boolean allowPrivateAddresses,
                                 @Bindable(defaultValue = "true") boolean nativeRsa) {
}
