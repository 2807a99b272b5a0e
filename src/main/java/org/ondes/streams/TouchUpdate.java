package org.ondes.streams;

/** A YP touch for one SID, already parsed and cleaned. */
public record TouchUpdate(String sid, long tokenId, String currentSong, Integer listeners, Integer maxListeners,
                          String subtype, Integer samplerate, Integer channels) {
}
