package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * A side effect that runs once when created and again after every write or batch that changed something it
 * read. An effect runs until it is disposed, or its owning {@link EffectScope} (or parent effect) is: holding
 * or dropping the handle does not change that.
 *
 * <p>An effect never runs concurrently with itself. Exceptions it throws go to the
 * {@linkplain Reaktiv#setErrorHandler error handler}; the effect keeps its dependencies and runs again on the
 * next change.
 */
public interface Effect extends AutoCloseable {

    /**
     * Stops this effect: no new run is started, and its cleanup functions run once. Idempotent. Called from
     * inside the effect's own run, the run finishes first and the cleanups run after it.
     *
     * <p>{@code dispose()} never waits for another thread. If another thread is running this effect, or has
     * already claimed its next run (a change arrived, or an async run's stage completed, a moment before), that
     * one run may still be in progress, or even begin, after this method returned. It is the last run: an async
     * run's stage is then cancelled, and the cleanups run when it ends. Where that matters (shutting down what
     * the effect uses), stop the writes that trigger it first, or wait for its scheduler
     * ({@link ExecutorEffectScheduler#awaitIdle}) after disposing.
     */
    void dispose();

    /**
     * Returns whether {@link #dispose()} has been called on this effect or its owner.
     *
     * @return {@code true} once disposed
     */
    boolean isDisposed();

    /**
     * Returns the human-readable name of this effect.
     *
     * @return the name, or {@code null} if none was given
     */
    @Nullable String name();

    /**
     * Gives this effect a name for error messages, logs and the graph snapshot; replaces an earlier name. A
     * framework naming effects after what they belong to can do so after creation.
     *
     * @param name the name; not blank
     * @return this effect
     * @throws IllegalArgumentException if the name is blank
     */
    Effect named(String name);

    /** Same as {@link #dispose()}, so effects work in try-with-resources. */
    @Override
    default void close() {
        dispose();
    }
}
