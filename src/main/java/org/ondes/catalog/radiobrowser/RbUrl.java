package org.ondes.catalog.radiobrowser;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** radio-browser's answer to {@code /json/url/{stationuuid}}: the URL to play, after the click was counted. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record RbUrl(boolean ok, String message, String stationuuid, String name, String url) {
}
