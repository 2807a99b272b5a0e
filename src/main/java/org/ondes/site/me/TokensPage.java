package org.ondes.site.me;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.List;

/**
 * The streamer's YP tokens ({@code /me/tokens}): the form that creates one, the new token's full YP URL with
 * icecast.xml snippets (only in the answer to its creation), the tokens masked with their last use, and the
 * confirmation step of a revocation.
 *
 * @param created the token just created (its URL is never shown again), or null
 * @param confirm the token whose revocation is being confirmed, or null
 * @param label   the label field's value (kept when the creation was refused)
 */
public record TokensPage(PageMeta meta, List<TokenLine> tokens, @Nullable Created created, @Nullable TokenLine confirm,
                         @Nullable String notice, @Nullable String error, String label) {

    /** A token as listed: never the secret, only its last characters in the masked URL. */
    public record TokenLine(long id, String label, String maskedUrl, String createdIso, String createdText,
                            @Nullable String lastUsedIso, @Nullable String lastUsedText, String confirmHref,
                            String revokeAction) {
    }

    /** A new token: the YP URL to paste, and the same URL inside the icecast.xml blocks of Icecast 2.4 and 2.5. */
    public record Created(String label, String ypUrl, String icecast24, String icecast25) {
    }
}
