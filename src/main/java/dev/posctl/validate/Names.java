package dev.posctl.validate;

import java.util.HashSet;
import java.util.Set;

/**
 * The keys seen in one object, to find duplicates. Objects have few keys, so a small array beats a
 * hash set; a huge object switches to one.
 */
final class Names {
    private static final int SMALL = 16;
    private String[] small = new String[6];
    private int size;
    private Set<String> large;

    /** Adds the name; false when it was there already. */
    boolean add(String name) {
        if (large != null) {
            return large.add(name);
        }
        for (int i = 0; i < size; i++) {
            // parsers intern key names, so identity usually decides; equals covers the rest
            if (small[i] == name || small[i].equals(name)) {
                return false;
            }
        }
        if (size == small.length && size < SMALL) {
            small = java.util.Arrays.copyOf(small, SMALL);
        } else if (size == SMALL) {
            large = new HashSet<>(64);
            for (String s : small) {
                large.add(s);
            }
            small = null;
            return large.add(name);
        }
        small[size++] = name;
        return true;
    }
}
