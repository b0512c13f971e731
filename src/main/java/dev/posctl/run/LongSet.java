package dev.posctl.run;

/** A set of 64-bit keys in one array: a million journal entries cost 16 MB, not a hash map's 80. */
final class LongSet {
    private static final long EMPTY = 0;
    private long[] table = new long[1024];
    private int size;
    private boolean hasZero;

    void add(long key) {
        if (key == EMPTY) {
            hasZero = true;
            return;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (insert(table, key)) {
            size++;
        }
    }

    boolean contains(long key) {
        if (key == EMPTY) {
            return hasZero;
        }
        int mask = table.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                return false;
            }
            if (table[i] == key) {
                return true;
            }
        }
    }

    /** Linear probing's backward shift: the keys after it move up, so no lookup stops early at the hole. */
    void remove(long key) {
        if (key == EMPTY) {
            hasZero = false;
            return;
        }
        int mask = table.length - 1;
        int i = mix(key) & mask;
        while (table[i] != key) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        for (int j = (i + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = mix(table[j]) & mask;
            boolean reachable = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!reachable) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = EMPTY;
        size--;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private static boolean insert(long[] t, long key) {
        int mask = t.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (t[i] == EMPTY) {
                t[i] = key;
                return true;
            }
            if (t[i] == key) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long k : table) {
            if (k != EMPTY) {
                insert(bigger, k);
            }
        }
        table = bigger;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
