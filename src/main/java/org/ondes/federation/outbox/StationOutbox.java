package org.ondes.federation.outbox;

import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A station's outbox: its go-live {@code Create(Note)}s, newest first, as an {@code OrderedCollection} whose first page
 * is embedded, and further pages at {@code ?page=N}. Each Note reads as it does now (ended ones say so).
 */
@Singleton
public class StationOutbox {
    /** Activities per page. */
    static final int PAGE_SIZE = 20;
    private final NoteStore notes;
    private final PublicUrls urls;

    StationOutbox(NoteStore notes, PublicUrls urls) {
        this.notes = notes;
        this.urls = urls;
    }

    /** The collection, with its first page. */
    public Map<String, Object> collection(UUID stationId) {
        Links links = new Links(urls.base());
        long total = notes.count(stationId);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", NoteDocuments.CONTEXT);
        doc.put("id", links.outbox(stationId));
        doc.put("type", "OrderedCollection");
        doc.put("totalItems", total);
        Map<String, Object> first = page(links, stationId, 1, total);
        first.remove("@context");
        doc.put("first", first);
        return doc;
    }

    /** Page {@code n} (from 1) of the collection. */
    public Map<String, Object> page(UUID stationId, int n) {
        Links links = new Links(urls.base());
        return page(links, stationId, Math.max(1, n), notes.count(stationId));
    }

    private Map<String, Object> page(Links links, UUID stationId, int n, long total) {
        String outbox = links.outbox(stationId);
        long offset = (long) (n - 1) * PAGE_SIZE;
        List<Object> items = notes.page(stationId, PAGE_SIZE, offset).stream().<Object>map(f -> {
            Map<String, Object> create = NotePublisher.create(links, f);
            create.remove("@context");
            return create;
        }).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", NoteDocuments.CONTEXT);
        page.put("id", outbox + "?page=" + n);
        page.put("type", "OrderedCollectionPage");
        page.put("partOf", outbox);
        page.put("totalItems", total);
        if (offset + PAGE_SIZE < total) {
            page.put("next", outbox + "?page=" + (n + 1));
        }
        if (n > 1) {
            page.put("prev", outbox + "?page=" + (n - 1));
        }
        page.put("orderedItems", items);
        return page;
    }
}
