package dev.posctl.input;

import java.io.IOException;
import java.io.InputStream;

/** Guesses the format of stdin from its first bytes, without consuming them. */
final class Sniffer {
    private static final int PEEK = 1 << 16;

    private Sniffer() {}

    /** NDJSON when the first line holds a whole object, JSON for other JSON, else YAML; null if empty. */
    static Format sniff(InputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        int i = 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'
            || (head[i] & 0xff) == 0xef || (head[i] & 0xff) == 0xbb || (head[i] & 0xff) == 0xbf)) {
            i++;
        }
        if (i == head.length) {
            return null;
        }
        if (head[i] == '[') {
            return Format.JSON;
        }
        if (head[i] != '{') {
            return Format.YAML;
        }
        int end = i;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        int last = end - 1;
        while (last > i && (head[last] == ' ' || head[last] == '\t' || head[last] == '\r')) {
            last--;
        }
        return head[last] == '}' ? Format.NDJSON : Format.JSON;
    }
}
