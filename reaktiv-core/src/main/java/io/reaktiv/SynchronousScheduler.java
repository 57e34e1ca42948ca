package io.reaktiv;

import java.time.Duration;

/**
 * Runs effects on the writing thread. The engine recognises this instance and runs such effects inline in the
 * writer's flush, so {@link #execute} is only reached through unusual paths (an async effect's next run after
 * its stage completed), where it runs the task on the calling thread.
 */
final class SynchronousScheduler implements EffectScheduler {

    static final SynchronousScheduler INSTANCE = new SynchronousScheduler();

    private SynchronousScheduler() {
    }

    @Override
    public void execute(Runnable effectRun) {
        effectRun.run();
    }

    /** Synchronous runs are finished when the write that caused them returns. */
    @Override
    public boolean awaitIdle(Duration timeout) {
        return true;
    }

    @Override
    public String toString() {
        return "EffectScheduler.synchronous()";
    }
}
