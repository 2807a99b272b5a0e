package org.ondes.catalog.radiobrowser;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The part of radio-browser's {@code /json/config} object that means something for Ondes (same names and types);
 * settings of radio-browser's checker, mirroring and language files are left out. docs/radio-browser.md explains each.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record RbConfig(@JsonProperty("check_enabled") boolean checkEnabled,
                @JsonProperty("prometheus_exporter_enabled") boolean prometheusExporterEnabled,
                @JsonProperty("pull_servers") List<String> pullServers,
                @JsonProperty("tcp_timeout_seconds") long tcpTimeoutSeconds,
                @JsonProperty("click_valid_timeout_seconds") long clickValidTimeoutSeconds,
                @JsonProperty("clicks_timeout_seconds") long clicksTimeoutSeconds,
                @JsonProperty("server_name") String serverName,
                @JsonProperty("server_location") String serverLocation,
                @JsonProperty("server_country_code") String serverCountryCode) {
}
