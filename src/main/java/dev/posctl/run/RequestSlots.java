package dev.posctl.run;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The requests a run may have out at once ({@code --concurrency}). A chunk holds a slot only while
 * one of its requests is out, never while it plans or reports, so a slot that frees goes at once
 * to a request that is ready. A waiting write goes before a waiting read, which finishes chunks
 * (and frees their memory) first; once the input has ended, reads go first instead: each read still
 * has a write behind it, and starting the longest chains first leaves the end of the run all writes,
 * spread over every slot.
 */
final class RequestSlots {
    private final ReentrantLock lock = new ReentrantLock();
    // one condition for each kind, and one waiter woken at a time: with twice as many threads as
    // slots, waking them all for every freed slot is a herd of context switches on a small machine
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private int free;
    private int readers;
    private int writers;
    private boolean readsFirst;

    RequestSlots(int count) {
        this.free = count;
    }

    /**
     * Waits for a slot. An interrupt does not end the wait (it stays set for the caller): a write
     * must go out and get its outcome once begun, and a run stops through {@link Engine#stop}.
     */
    void acquire(boolean write) {
        lock.lock();
        try {
            if (write) {
                writers++;
                while (free == 0 || readsFirst && readers > 0) {
                    writable.awaitUninterruptibly();
                }
                writers--;
            } else {
                readers++;
                while (free == 0 || !readsFirst && writers > 0) {
                    readable.awaitUninterruptibly();
                }
                readers--;
            }
            free--;
            wakeNext();
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            free++;
            wakeNext();
        } finally {
            lock.unlock();
        }
    }

    /** The input has ended: reads go first from now on. */
    void readsFirst() {
        lock.lock();
        try {
            readsFirst = true;
            wakeNext();
        } finally {
            lock.unlock();
        }
    }

    /** Free slots no waiting request will take. */
    int spare() {
        lock.lock();
        try {
            return Math.max(0, free - readers - writers);
        } finally {
            lock.unlock();
        }
    }

    /** With a slot free, wakes one waiter that may take it: of the kind that goes first, else of the other. */
    private void wakeNext() {
        if (free == 0) {
            return;
        }
        boolean write = readsFirst ? readers == 0 && writers > 0 : writers > 0;
        if (write) {
            writable.signal();
        } else if (readers > 0) {
            readable.signal();
        }
    }
}
