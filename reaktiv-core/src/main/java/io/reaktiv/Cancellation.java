package io.reaktiv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a {@link Resource} loader that its result is no longer wanted: the params changed, the resource was
 * {@linkplain Resource#reload() reloaded}, {@linkplain Resource#set set by hand} or
 * {@linkplain Resource#destroy() destroyed}. A loader can poll {@link #isCancelled()} or register a callback
 * with {@link #onCancel(Runnable)} (for example to abort an HTTP request). Whatever the loader does, a result
 * that arrives after cancellation is discarded.
 *
 * <p>Thread-safe. A cancellation goes from "not cancelled" to "cancelled" once and never back.
 */
public final class Cancellation {

    /** Guarded by {@code this}; {@code null} once cancelled. */
    private @Nullable List<Runnable> callbacks = new ArrayList<>(2);
    private volatile boolean cancelled;

    Cancellation() {
    }

    /**
     * Returns whether the load was cancelled.
     *
     * @return {@code true} once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Throws if the load was cancelled: a convenient check between the steps of a blocking loader.
     *
     * @throws CancellationException if {@link #isCancelled()}
     */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("The resource load was cancelled: its result is no longer wanted");
        }
    }

    /**
     * Registers a callback run once when the load is cancelled, on the thread that cancels it. If the load
     * is already cancelled, the callback runs now, on this thread. Whatever a callback throws (checked
     * exceptions and errors included) is logged and stops neither the other callbacks nor the resource.
     *
     * @param callback what to do on cancellation; should be quick and must not block
     */
    public void onCancel(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (this) {
            List<Runnable> list = callbacks;
            if (list != null) {
                list.add(callback);
                return;
            }
        }
        runCallback(callback);
    }

    /** Cancels, running the callbacks once. Idempotent. */
    void cancel() {
        List<Runnable> list;
        synchronized (this) {
            list = callbacks;
            if (list == null) {
                return;
            }
            callbacks = null;
            cancelled = true;
        }
        for (Runnable callback : list) {
            runCallback(callback);
        }
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (Throwable failure) {
            // Like a listener's failure (see Failures): logged, and the other callbacks still run.
            Failures.logIgnored("The resource cancellation callback " + callback + " failed", failure);
        }
    }

    @Override
    public String toString() {
        return cancelled ? "Cancellation[cancelled]" : "Cancellation[active]";
    }
}
