package io.reaktiv;

/**
 * The effects a thread's writes notified, run when that thread's outermost write or batch ends: the queue
 * lives in the thread's {@link ThreadState}, so effects run on the writing thread, after the write, outside
 * every lock, and a batch defers them to its end.
 */
final class EffectQueue {

    private EffectQueue() {
    }

    /**
     * Runs the effects this thread queued, unless a batch or a flush on this thread is still open, or this
     * thread holds a domain's lock (a write from an updater, an equality or a linked signal's computation):
     * effects run outside every lock, so the write that holds it flushes once it has released it.
     */
    static void flushIfIdle(ThreadState ts) {
        if (ts.batchDepth == 0 && !ts.flushing && !ts.queue.isEmpty() && ts.lockDepth == 0) {
            flush(ts);
        }
    }

    private static void flush(ThreadState ts) {
        ts.flushing = true;
        try {
            EffectNode effect;
            while ((effect = ts.queue.pollFirst()) != null) {
                effect.dispatch(ts);
            }
        } finally {
            ts.flushing = false;
            if (!ts.queue.isEmpty()) {
                abandonQueue(ts);
            }
        }
    }

    /** After a fatal error mid-flush: forget the queue; the effects stay notified and re-queue on the next write. */
    private static void abandonQueue(ThreadState ts) {
        EffectNode effect;
        while ((effect = ts.queue.pollFirst()) != null) {
            effect.forgetQueue(ts);
        }
    }

    /** Runs {@code batch} with effects deferred to the end of the outermost batch on this thread. */
    static void batch(ThreadState ts, Runnable batch) {
        ts.batchDepth++;
        try {
            batch.run();
        } finally {
            ts.batchDepth--;
            flushIfIdle(ts);
        }
    }
}
