package dev.posctl.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for request ids: the client's client-request-id headers and the sandbox's
 * request-id. They only need to be unique, not unguessable, so they come from ThreadLocalRandom:
 * UUID.randomUUID's SecureRandom costs start-up its provider set-up (about 15 ms) and bulk runs, on
 * both sides, a lock per request.
 */
public final class RequestIds {
    private RequestIds() {}

    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
