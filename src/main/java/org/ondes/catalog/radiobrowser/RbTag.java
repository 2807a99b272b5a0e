package org.ondes.catalog.radiobrowser;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** An entry of radio-browser's tag and codec lists: a name and how many (live) stations have it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record RbTag(String name, long stationcount) {
}
