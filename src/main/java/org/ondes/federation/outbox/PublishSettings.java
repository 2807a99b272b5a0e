package org.ondes.federation.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Publishing of live streams (prefix {@code ondes.federation}), see docs/configuration.md and docs/federation.md.
 *
 * @param liveRefresh             how often every live session's Audio is sent again as an Update (one instance per
 *                                cycle), and the {@code refreshInterval} promised to receivers
 * @param liveUpdateMinInterval   the least time between two Updates of one session's Audio (now-playing changes are
 *                                coalesced: the last state wins)
 * @param noteMinInterval         a station back on air within this time of its last Note (posted or ended) gets no
 *                                new Note: its last one is reopened instead
 * @param listenersUpdateDelay    a change of the listener count alone is sent as an Update this long after it was
 *                                seen (changes in between go with it; a song change sends it earlier)
 */
@ConfigurationProperties("ondes.federation")
public record PublishSettings(@Bindable(defaultValue = "PT5M") Duration liveRefresh,
                              @Bindable(defaultValue = "PT30S") Duration liveUpdateMinInterval,
                              @Bindable(defaultValue = "PT10M") Duration noteMinInterval,
                              @Bindable(defaultValue = "PT2M") Duration listenersUpdateDelay) {
}
