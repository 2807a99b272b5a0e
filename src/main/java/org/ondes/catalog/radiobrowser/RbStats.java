package org.ondes.catalog.radiobrowser;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** radio-browser's server statistics ({@code /json/stats}), field for field. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record RbStats(@JsonProperty("supported_version") int supportedVersion,
               @JsonProperty("software_version") String softwareVersion,
               String status,
               long stations,
               @JsonProperty("stations_broken") long stationsBroken,
               long tags,
               @JsonProperty("clicks_last_hour") long clicksLastHour,
               @JsonProperty("clicks_last_day") long clicksLastDay,
               long languages,
               long countries) {
}
