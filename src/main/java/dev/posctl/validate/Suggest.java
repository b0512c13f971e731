package dev.posctl.validate;

import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;

/** "Did you mean" hints: the nearest name by edit distance, case-insensitive first. */
public final class Suggest {
    private Suggest() {}

    /**
     * The closest candidate, or null when none is close enough to help: an exact match ignoring
     * case, else a candidate the given text starts (abbreviations such as "org"), else the nearest
     * by edit distance.
     */
    public static String nearest(String given, Collection<String> candidates) {
        String lowerGiven = given.toLowerCase(Locale.ROOT);
        if (given.length() >= 2) {
            for (String c : candidates) {
                if (c.toLowerCase(Locale.ROOT).startsWith(lowerGiven) && !c.equalsIgnoreCase(given)) {
                    boolean exact = false;
                    for (String other : candidates) {
                        exact |= other.equalsIgnoreCase(given);
                    }
                    if (!exact) {
                        return c;
                    }
                }
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = lowerGiven;
        for (String c : candidates) {
            if (c.equalsIgnoreCase(given)) {
                return c;
            }
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** The property a mistyped name most likely means, looking at the names people use for it too. */
    public static String property(Type type, String name) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Property p : type.properties().values()) {
            names.put(p.name(), p.name());
            for (String s : p.synonyms()) {
                names.putIfAbsent(s, p.name());
            }
        }
        String hit = nearest(name, names.keySet());
        return hit == null ? null : names.get(hit);
    }

    /** A "did you mean" for a whole dotted path: the known prefix, then the nearest property. */
    public static String path(Schema schema, String path) {
        int dot = path.lastIndexOf('.');
        Type parent = schema.editDocument();
        String prefix = "";
        if (dot > 0) {
            Property p = schema.resolve(path.substring(0, dot));
            parent = p == null ? null : Schema.objectOf(p.type());
            prefix = path.substring(0, dot + 1);
        }
        if (parent == null) {
            return nearest(path, schema.paths());
        }
        String hit = property(parent, path.substring(dot + 1));
        return hit == null ? null : prefix + hit;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
