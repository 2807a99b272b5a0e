package org.ondes.catalog;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The live catalog held in memory for search: every entry in a slot, an inverted index from search words (sorted, for
 * prefix matching) and filter terms to slots. A search starts from the smallest candidate set (one filter term's
 * entries, or the entries of the rarest query word's prefix range), checks each candidate against every condition,
 * counts the matches (the exact {@code total}) and keeps the first page of them in order. Kept in step with
 * PostgreSQL by {@link SearchIndexSync}. Thread-safe: searches share a read lock, changes take the write lock briefly.
 */
final class SearchIndex {
    /** Relevance of a word matched in the name, the genres, the current song, the description. */
    private static final float[] FIELD_WEIGHT = {1.0f, 0.4f, 0.2f, 0.1f};

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UUID, Integer> slotOf = new HashMap<>();
    private final NavigableMap<String, Postings> words = new TreeMap<>();
    private final Map<String, Postings> terms = new HashMap<>();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private final SlotKeys slotKeys = new SlotKeys();
    private IndexedEntry[] slots = new IndexedEntry[1024];
    private int highSlot;
    private volatile long version = -1;
    private volatile Instant changedAt = Instant.EPOCH;

    long version() {
        return version;
    }

    CatalogVersion catalogVersion() {
        return new CatalogVersion(version, changedAt);
    }

    int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies changes read at catalog {@code version}: entries to add or replace, stations no longer listed. */
    void apply(long version, Instant changedAt, Collection<IndexedEntry> upserts, Collection<UUID> removals) {
        lock.writeLock().lock();
        try {
            removals.forEach(this::remove);
            upserts.forEach(this::put);
            this.version = version;
            this.changedAt = changedAt;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(IndexedEntry e) {
        Integer slot = slotOf.get(e.id());
        if (slot != null) {
            IndexedEntry old = slots[slot];
            if (!old.sameSearchData(e)) {
                unindex(old, slot);
                index(e, slot);
            }
            slots[slot] = e;
            slotKeys.set(slot, e);
            return;
        }
        int s = freeSlots.isEmpty() ? highSlot++ : freeSlots.pop();
        if (s == slots.length) {
            slots = Arrays.copyOf(slots, s * 2);
        }
        slots[s] = e;
        slotKeys.set(s, e);
        slotOf.put(e.id(), s);
        index(e, s);
    }

    private void remove(UUID id) {
        Integer slot = slotOf.remove(id);
        if (slot != null) {
            unindex(slots[slot], slot);
            slots[slot] = null;
            slotKeys.clear(slot);
            freeSlots.push(slot);
        }
    }

    private void index(IndexedEntry e, int slot) {
        for (String w : e.words()) {
            words.computeIfAbsent(w, k -> new Postings()).add(slot);
        }
        for (String t : e.terms()) {
            terms.computeIfAbsent(t, k -> new Postings()).add(slot);
        }
    }

    private void unindex(IndexedEntry e, int slot) {
        for (String w : e.words()) {
            drop(words, w, slot);
        }
        for (String t : e.terms()) {
            drop(terms, t, slot);
        }
    }

    private static void drop(Map<String, Postings> map, String key, int slot) {
        Postings p = map.get(key);
        if (p != null) {
            p.remove(slot);
            if (p.isEmpty()) {
                map.remove(key);
            }
        }
    }

    /** One page of the entries matching {@code q}, in its order, with the number of all matches. */
    CatalogPage search(StreamQuery q) {
        List<String> filterTerms = FilterTerms.query(q);
        List<String> text = q.textWords();
        List<String> names = q.nameWords();
        IndexOrder order = new IndexOrder(q);
        lock.readLock().lock();
        try {
            int[] candidates = candidates(filterTerms, text, names);
            boolean perEntry = q.country() != null || q.https() != null || !names.isEmpty() || order.needsScore();
            long[] keys = new long[candidates.length];
            int total = 0;
            for (int slot : candidates) {
                float score = 0;
                if (!inBitrateRange(slot, q)) {
                    continue;
                }
                if (perEntry) {
                    score = score(slots[slot], q, text, names);
                    if (score < 0) {
                        continue;
                    }
                }
                candidates[total] = slot;
                keys[total++] = order.key(slotKeys, slot, score);
            }
            return page(q, order, candidates, keys, total);
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean inBitrateRange(int slot, StreamQuery q) {
        int b = slotKeys.bitrate[slot];
        return (q.bitrateMin() == null || (b != SlotKeys.NO_BITRATE && b >= q.bitrateMin()))
                && (q.bitrateMax() == null || (b != SlotKeys.NO_BITRATE && b <= q.bitrateMax()));
    }

    /**
     * The slots having every filter term and, for each search word, some word it is a prefix of: starting from the
     * smallest of these sets, intersected with the others (galloping over sorted postings; a word's prefix range
     * through a bitset of its union). Name-only words are checked per entry afterwards.
     */
    private int[] candidates(List<String> filterTerms, List<String> text, List<String> names) {
        List<Postings> exact = new ArrayList<>(filterTerms.size());
        for (String t : filterTerms) {
            Postings p = terms.get(t);
            if (p == null) {
                return new int[0];
            }
            exact.add(p);
        }
        List<Collection<Postings>> prefixes = new ArrayList<>();
        List<Integer> prefixSizes = new ArrayList<>();
        for (List<String> list : List.of(text, names)) {
            for (String w : list) {
                Collection<Postings> range = prefixRange(w).values();
                int size = 0;
                for (Postings p : range) {
                    size += p.size();
                }
                if (size == 0) {
                    return new int[0];
                }
                prefixes.add(range);
                prefixSizes.add(size);
            }
        }
        int startExact = -1;
        int startPrefix = -1;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < exact.size(); i++) {
            if (exact.get(i).size() < best) {
                best = exact.get(i).size();
                startExact = i;
            }
        }
        for (int i = 0; i < prefixes.size(); i++) {
            if (prefixSizes.get(i) < best) {
                best = prefixSizes.get(i);
                startPrefix = i;
                startExact = -1;
            }
        }
        int[] slots;
        if (startExact >= 0) {
            Postings p = exact.get(startExact);
            slots = new int[p.size()];
            p.copyTo(slots, 0);
        } else if (startPrefix >= 0) {
            Collection<Postings> range = prefixes.get(startPrefix);
            slots = range.size() == 1 ? copy(range.iterator().next())
                    : SlotSets.toSlots(SlotSets.union(range, highSlot), prefixSizes.get(startPrefix));
        } else {
            return allSlots();
        }
        int n = slots.length;
        for (int i = 0; i < exact.size() && n > 0; i++) {
            if (i != startExact) {
                n = SlotSets.retain(slots, n, exact.get(i));
            }
        }
        for (int i = 0; i < prefixes.size() && n > 0; i++) {
            if (i != startPrefix) {
                Collection<Postings> range = prefixes.get(i);
                n = range.size() == 1 ? SlotSets.retain(slots, n, range.iterator().next())
                        : SlotSets.retain(slots, n, SlotSets.union(range, highSlot));
            }
        }
        return n == slots.length ? slots : Arrays.copyOf(slots, n);
    }

    private static int[] copy(Postings p) {
        int[] out = new int[p.size()];
        p.copyTo(out, 0);
        return out;
    }

    private int[] allSlots() {
        int[] all = new int[slotOf.size()];
        int n = 0;
        for (int s = 0; s < highSlot; s++) {
            if (slots[s] != null) {
                all[n++] = s;
            }
        }
        return all;
    }

    private NavigableMap<String, Postings> prefixRange(String prefix) {
        return words.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /**
     * The entry's relevance if it passes the checks the postings cannot make (country, https, name-only words), else
     * -1. Text words are known to match somewhere; the score says where.
     */
    private static float score(IndexedEntry e, StreamQuery q, List<String> text, List<String> names) {
        if (q.country() != null && !q.country().equals(e.entry().country())) {
            return -1;
        }
        if (q.https() != null && q.https() != e.entry().https()) {
            return -1;
        }
        float score = 0;
        for (String w : text) {
            score += weight(e.prefixMatch(w));
        }
        for (String w : names) {
            int m = e.prefixMatch(w) & (IndexedEntry.NAME | 16);
            if ((m & IndexedEntry.NAME) == 0) {
                return -1;
            }
            score += weight(m);
        }
        return score;
    }

    /** The weight of the best field matched; a whole word counts twice as much as a word it only begins. */
    private static float weight(int match) {
        float w = 0;
        for (int field = 0; field < FIELD_WEIGHT.length; field++) {
            if ((match & (1 << field)) != 0) {
                w = FIELD_WEIGHT[field];
                break;
            }
        }
        return (match & 16) != 0 ? w : w / 2;
    }

    private CatalogPage page(StreamQuery q, IndexOrder order, int[] matched, long[] keys, int total) {
        SlotKeys k = slotKeys;
        int skip = q.cursor() == null ? q.offset() : 0;
        int[] after = new int[total];
        int count = 0;
        for (int i = 0; i < total; i++) {
            if (order.afterCursor(k, matched[i], keys[i])) {
                after[count++] = i;
            }
        }
        long want = (long) skip + q.limit() + 1;
        int[] top = TopN.select(after, count, (int) Math.min(want, Integer.MAX_VALUE),
                (a, b) -> order.compare(k, matched[a], keys[a], matched[b], keys[b]));
        List<CatalogEntry> items = new ArrayList<>(q.limit());
        List<byte[]> json = new ArrayList<>(q.limit());
        String next = null;
        for (int i = skip; i < top.length; i++) {
            if (items.size() == q.limit()) {
                int last = top[i - 1];
                IndexedEntry e = slots[matched[last]];
                next = new Cursor(q.order(), q.reverse(), q.seed(), order.keyText(k, matched[last], keys[last]), e.id()).encode();
                break;
            }
            IndexedEntry e = slots[matched[top[i]]];
            items.add(e.entry());
            if (json != null && e.json() != null) {
                json.add(e.json());
            } else {
                json = null;
            }
        }
        return new CatalogPage(List.copyOf(items), total, next, json == null ? null : List.copyOf(json));
    }

    /** The entries with these station ids that are in the index, in the order asked for, each once. */
    List<CatalogEntry> byIds(List<UUID> ids) {
        lock.readLock().lock();
        try {
            return ids.stream().distinct().map(slotOf::get).filter(Objects::nonNull).map(s -> slots[s].entry()).toList();
        } finally {
            lock.readLock().unlock();
        }
    }
}
