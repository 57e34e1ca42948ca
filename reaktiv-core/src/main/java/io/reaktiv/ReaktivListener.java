package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * Observes the engine's work, for metrics and tracing. Install with {@link Reaktiv#addListener}. While no
 * listener is installed, the engine does not even read the clock.
 *
 * <p>Callbacks run synchronously on the thread doing the work; {@link #onWrite} and {@link #onRecompute} run
 * while the engine's lock is held, so they must be quick and must not block or touch signals. Every method
 * has an empty default.
 */
public interface ReaktivListener {

    /**
     * A signal (or linked signal) changed value.
     *
     * @param signal the signal written
     */
    default void onWrite(ReadableSignal<?> signal) {
    }

    /**
     * A computed (or linked signal) ran its function.
     *
     * @param computed the node recomputed
     * @param nanos how long the function took, in nanoseconds
     * @param error what the function threw, or {@code null}
     */
    default void onRecompute(ReadableSignal<?> computed, long nanos, @Nullable Throwable error) {
    }

    /**
     * An effect ran once. Called outside the lock.
     *
     * @param effect the effect
     * @param nanos how long the run took, in nanoseconds
     * @param error what the run threw, or {@code null}
     */
    default void onEffectRun(Effect effect, long nanos, @Nullable Throwable error) {
    }
}
