package org.ondes.catalog;


/**
 * The first {@code n} of a set of positions in a given order, by a bounded binary heap (no boxing, no full sort when
 * {@code n} is small: a page of 50 out of 60,000 matches).
 */
final class TopN {
    /** Orders positions; negative when {@code a} comes first. */
    interface Order {
        int compare(int a, int b);
    }

    private TopN() {
    }

    /** The first {@code n} of {@code items[0..count)} in order. */
    static int[] select(int[] items, int count, int n, Order order) {
        int k = Math.min(n, count);
        if (k <= 0) {
            return new int[0];
        }
        int[] heap = new int[k]; // a max-heap: the worst kept item at the root
        int size = 0;
        for (int i = 0; i < count; i++) {
            int item = items[i];
            if (size < k) {
                heap[size] = item;
                up(heap, size++, order);
            } else if (order.compare(item, heap[0]) < 0) {
                heap[0] = item;
                down(heap, size, order);
            }
        }
        // pop the worst repeatedly into the back: the array ends in order
        for (int end = size - 1; end > 0; end--) {
            int worst = heap[0];
            heap[0] = heap[end];
            heap[end] = worst;
            down(heap, end, order);
        }
        return heap;
    }

    private static void up(int[] heap, int i, Order order) {
        int item = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (order.compare(heap[parent], item) >= 0) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = item;
    }

    private static void down(int[] heap, int size, Order order) {
        int i = 0;
        int item = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && order.compare(heap[child + 1], heap[child]) > 0) {
                child++;
            }
            if (order.compare(heap[child], item) <= 0) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }

}
