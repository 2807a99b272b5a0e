package org.ondes.streams;

import java.util.List;
import java.util.UUID;

/**
 * A visible station with its listed live sessions (relays/mounts), most listeners first: what the catalog projects.
 * Name, description, homepage, genres and language are the effective profile (the owner's edits over the
 * announcement); country and logo URL come only from the owner. A remote station (another instance's) has its
 * {@code origin} (host[:port]) and {@code originUrl} (its page there); both are null for this instance's stations.
 */
public record LiveStation(UUID id, String name, String description, String homepage, List<String> genres,
                          String language, String country, String logoUrl, List<StreamView> sessions,
                          String origin, String originUrl) {
}
