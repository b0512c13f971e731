package dev.posctl.run;

/**
 * The requests a run may have out at once ({@code --concurrency}). A chunk holds a slot only while
 * one of its requests is out, never while it plans or reports, so a slot that frees goes at once
 * to a request that is ready. A waiting write goes before a waiting read, which finishes chunks
 * (and frees their memory) first; once the input has ended, reads go first instead: each read still
 * has a write behind it, and starting the longest chains first leaves the end of the run all writes,
 * spread over every slot.
 */
final class RequestSlots {
    private int free;
    private int readers;
    private int writers;
    private boolean readsFirst;

    RequestSlots(int count) {
        this.free = count;
    }

    /**
     * Waits for a slot. An interrupt does not end the wait (it is kept for the caller): a write the
     * journal has announced must go out and get its outcome, and a run stops through {@link Engine#stop}.
     */
    synchronized void acquire(boolean write) {
        boolean interrupted = false;
        if (write) {
            writers++;
        } else {
            readers++;
        }
        try {
            while (free == 0 || (write ? readsFirst && readers > 0 : !readsFirst && writers > 0)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            free--;
        } finally {
            if (write) {
                writers--;
            } else {
                readers--;
            }
            // a request of the other kind may have waited only for this one
            notifyAll();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void release() {
        free++;
        notifyAll();
    }

    /** The input has ended: reads go first from now on. */
    synchronized void readsFirst() {
        readsFirst = true;
        notifyAll();
    }

    /** Free slots no waiting request will take. */
    synchronized int spare() {
        return Math.max(0, free - readers - writers);
    }
}
