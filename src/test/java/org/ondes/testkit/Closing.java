package org.ondes.testkit;

/** Closes test resources in the order given, skipping the ones never opened; the first failure is thrown at the end. */
public final class Closing {
    private Closing() {
    }

    public static void all(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
