package org.ondes.streams;

import java.net.URI;
import java.util.List;

/** A validated YP add: what Icecast announced, who owns it, and where the request came from. */
public record Announcement(long ownerId, long tokenId, String name, String genreRaw, List<String> genres,
                           String description, String homepage, URI listenUrl, String contentType, String subtype,
                           Integer bitrate, String quality, Integer samplerate, Integer channels, String admin,
                           String language, String sourceInstance, String requesterIp, String userAgent) {
}
