package io.reaktiv;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Decides where and when effects run. Effects use the {@linkplain Reaktiv#defaultScheduler() process-wide
 * default} unless {@link EffectOptions#withScheduler} names another.
 *
 * <ul>
 *   <li>{@link #synchronous()} (the default) runs an effect on the thread whose write (or outermost batch)
 *   notified it, right after that write.</li>
 *   <li>{@link #executor(Executor)} runs effects on an executor. Notifications are coalesced: an effect
 *   notified five times before it starts runs once, with the latest values.</li>
 * </ul>
 *
 * <p>Either way an effect never runs concurrently with itself. Implement this interface to run effects
 * somewhere else (a framework's task executor, an event loop): {@link #execute} receives one due run at a
 * time per effect, is called outside every engine lock, and may run the task on any thread.
 */
public interface EffectScheduler {

    /**
     * Runs {@code effectRun} now or later, on any thread.
     *
     * @param effectRun one run of one effect
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler no longer accepts work, ever:
     *     the effect then becomes inactive (disposed) and this is reported once to its error handler. (An
     *     {@link ExecutorEffectScheduler} whose executor merely refused one run, saturated, reports the refusal
     *     and the effect stays due.)
     */
    void execute(Runnable effectRun);

    /**
     * Waits until this scheduler has no effect run queued, running or (for async effects) in flight.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if it became idle, {@code false} if the timeout elapsed first
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /**
     * An async effect run by this scheduler returned a stage that is not complete yet: the effect is busy, on
     * no thread, until {@link #asyncRunEnded()}. A scheduler whose {@link #awaitIdle} waits for quiet counts it
     * as busy meanwhile. Called once per such run, outside every engine lock; the default does nothing.
     */
    default void asyncRunStarted() {
    }

    /**
     * The stage announced by {@link #asyncRunStarted()} completed (or was cancelled), and the engine finished
     * handling it. Called exactly once per {@code asyncRunStarted()}, on whatever thread completed the stage,
     * outside every engine lock; the default does nothing.
     */
    default void asyncRunEnded() {
    }

    /**
     * Returns the scheduler that runs effects on the writing thread, right after the write or outermost batch.
     *
     * @return the synchronous scheduler
     */
    static EffectScheduler synchronous() {
        return SynchronousScheduler.INSTANCE;
    }

    /**
     * Returns a scheduler that runs effects on {@code executor}.
     *
     * @param executor where effect runs execute; the scheduler does not shut it down
     * @return the scheduler
     */
    static ExecutorEffectScheduler executor(Executor executor) {
        return new ExecutorEffectScheduler(executor);
    }
}
