package org.ondes.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** The one response that shows a YP token in full: the URL to paste into icecast.xml. */
@Serdeable
public record CreatedYpToken(long id, String label, String ypUrl) {
}
