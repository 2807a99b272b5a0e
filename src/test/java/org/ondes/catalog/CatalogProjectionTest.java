package org.ondes.catalog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ondes.streams.events.StreamChanged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Now-playing titles reach the history in passes, none lost while the queue has room, with a writer that records. */
class CatalogProjectionTest {
    private static final UUID STATION = UUID.randomUUID();

    /** Records the titles of each write; fails the first {@code failures} writes. */
    static final class RecordingWriter extends CatalogWriter {
        final List<List<String>> writes = new ArrayList<>();
        int failures;

        RecordingWriter() {
            super(null, null);
        }

        @Override
        int project(Collection<UUID> stationIds) {
            return 0;
        }

        @Override
        int songs(List<Song> songs) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("database unavailable");
            }
            writes.add(songs.stream().map(Song::song).toList());
            return songs.size();
        }
    }

    private final RecordingWriter writer = new RecordingWriter();
    private final CatalogProjection projection = new CatalogProjection(writer);

    CatalogProjectionTest() {
        projection.stop(); // the test runs the passes itself
    }

    @AfterEach
    void stop() {
        projection.stop();
    }

    private void played(String title) {
        projection.onApplicationEvent(new StreamChanged(UUID.randomUUID(), STATION, title, 1, true, Instant.now()));
    }

    private static List<String> titles(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("Title " + i);
        }
        return out;
    }

    @Test
    void onePassWritesEveryQueuedTitleInTheOrderPlayed() {
        titles(0, 5_000).forEach(this::played);
        projection.flush();
        assertEquals(List.of(titles(0, 5_000)), writer.writes);
        projection.flush();
        assertEquals(1, writer.writes.size(), "nothing left for a second pass");
    }

    @Test
    void titlesOfAFailedWriteAreWrittenFirstByTheNextPass() {
        writer.failures = 1;
        titles(0, 3).forEach(this::played);
        projection.flush();
        assertEquals(List.of(), writer.writes);
        titles(3, 5).forEach(this::played);
        projection.flush();
        assertEquals(List.of(titles(0, 5)), writer.writes);
        assertEquals(0, projection.droppedSongs());
    }

    @Test
    void aFullQueueCountsWhatItCouldNotTake() {
        titles(0, CatalogProjection.SONG_QUEUE + 7).forEach(this::played);
        assertEquals(7, projection.droppedSongs());
        projection.flush();
        assertEquals(List.of(titles(0, CatalogProjection.SONG_QUEUE)), writer.writes, "the first 20,000, in one write");
    }
}
