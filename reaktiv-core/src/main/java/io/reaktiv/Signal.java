package io.reaktiv;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A writable reactive value. Writing a value the signal's equality considers equal to the current one is a
 * no-op: the old value is kept and nothing is notified.
 *
 * <p>Any thread may write at any time. Each {@code set} or {@code update} is atomic; the effects it notifies
 * run on the writing thread once the write (or the writing thread's outermost {@link Reaktiv#batch batch})
 * is complete, outside every internal lock.
 *
 * @param <T> the type of the value
 */
public interface Signal<T extends @Nullable Object> extends ReadableSignal<T> {

    /**
     * Sets a new value.
     *
     * @param value the new value
     * @throws IllegalStateException if called while a computed's function is running (computeds must be pure)
     */
    void set(T value);

    /**
     * Atomically replaces the value with {@code updater.apply(current)}: concurrent updates never lose one
     * another's result. The updater runs under the engine's lock, so it must be short and must not block.
     *
     * @param updater computes the new value from the current one
     * @throws IllegalStateException if called while a computed's function is running
     */
    void update(UnaryOperator<T> updater);

    /**
     * Returns a read-only view of this signal. The view cannot be cast back to a {@code Signal}.
     *
     * @return a view that reads this signal
     */
    ReadableSignal<T> asReadonly();

    /**
     * Gives this signal a name for error messages, logs and the graph snapshot.
     *
     * @param name the name; not blank
     * @return this signal
     * @throws IllegalArgumentException if the name is blank
     */
    Signal<T> named(String name);
}
