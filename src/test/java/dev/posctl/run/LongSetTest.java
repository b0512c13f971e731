package dev.posctl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The journal's key set against a HashSet: what it holds after adds and removes, through growth and collisions. */
class LongSetTest {
    @Test
    void holdsWhatAHashSetHoldsAfterAddsAndRemoves() {
        Random random = new Random(15);
        LongSet keys = new LongSet();
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // a small range: many collisions, many removes of keys present and absent
            long key = random.nextInt(5_000) - 2_500;
            if (random.nextInt(3) == 0) {
                keys.remove(key);
                expected.remove(key);
            } else {
                keys.add(key);
                expected.add(key);
            }
        }
        assertEquals(expected.size(), keys.size());
        for (long key = -2_600; key < 2_600; key++) {
            assertEquals(expected.contains(key), keys.contains(key), "key " + key);
        }
    }

    @Test
    void zeroIsAKeyLikeAnyOther() {
        LongSet keys = new LongSet();
        keys.add(0);
        assertTrue(keys.contains(0));
        keys.remove(0);
        assertFalse(keys.contains(0));
        assertEquals(0, keys.size());
    }
}
