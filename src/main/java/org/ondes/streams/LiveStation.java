package org.ondes.streams;

import java.util.List;
import java.util.UUID;

/** A station with its listed live sessions (relays/mounts), most listeners first: what the catalog projects. */
public record LiveStation(UUID id, String name, String description, String homepage, List<String> genres,
                          String language, List<StreamView> sessions) {
}
