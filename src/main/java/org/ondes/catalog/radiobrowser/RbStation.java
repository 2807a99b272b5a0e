package org.ondes.catalog.radiobrowser;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A station object as radio-browser's JSON API writes it: the same field names, order and JSON types (strings stay
 * strings, numbers numbers, absent values {@code null} or {@code ""} exactly where radio-browser puts them), so apps
 * written against radio-browser parse it unchanged (every field is always written, whatever the global JSON
 * inclusion setting). Built by {@link RbStations}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record RbStation(String changeuuid,
                 String stationuuid,
                 @Nullable String serveruuid,
                 String name,
                 String url,
                 @JsonProperty("url_resolved") String urlResolved,
                 String homepage,
                 String favicon,
                 String tags,
                 String country,
                 String countrycode,
                 @JsonProperty("iso_3166_2") @Nullable String iso31662,
                 String state,
                 String language,
                 String languagecodes,
                 int votes,
                 String lastchangetime,
                 @JsonProperty("lastchangetime_iso8601") @Nullable String lastchangetimeIso8601,
                 String codec,
                 int bitrate,
                 int hls,
                 int lastcheckok,
                 String lastchecktime,
                 @JsonProperty("lastchecktime_iso8601") @Nullable String lastchecktimeIso8601,
                 String lastcheckoktime,
                 @JsonProperty("lastcheckoktime_iso8601") @Nullable String lastcheckoktimeIso8601,
                 String lastlocalchecktime,
                 @JsonProperty("lastlocalchecktime_iso8601") @Nullable String lastlocalchecktimeIso8601,
                 String clicktimestamp,
                 @JsonProperty("clicktimestamp_iso8601") @Nullable String clicktimestampIso8601,
                 int clickcount,
                 int clicktrend,
                 @JsonProperty("ssl_error") int sslError,
                 @JsonProperty("geo_lat") @Nullable Double geoLat,
                 @JsonProperty("geo_long") @Nullable Double geoLong,
                 @JsonProperty("geo_distance") @Nullable Double geoDistance,
                 @JsonProperty("has_extended_info") boolean hasExtendedInfo) {
}
