package io.reaktiv;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A reactive value that can be read: a {@link Signal}, a {@link Computed} or a read-only view of either.
 *
 * <p>{@link #get()} inside a computed or an effect records a dependency on this value; {@link #peek()} reads
 * without recording one. Both are safe from any thread and take no lock when the value is up to date.
 *
 * @param <T> the type of the value; {@code null} values are allowed unless the producer says otherwise
 */
public interface ReadableSignal<T extends @Nullable Object> extends Supplier<T> {

    /**
     * Returns the current value and, when called inside a computed or an effect, makes that computed or
     * effect depend on this value.
     *
     * @return the current value
     * @throws RuntimeException the exception a computed's function threw, rethrown until a dependency changes
     * @throws CycleDetectedException if reading this value requires this value (a dependency cycle)
     */
    @Override
    T get();

    /**
     * Returns the current value without creating a dependency, like {@code untracked(this::get)}.
     *
     * @return the current value
     * @throws RuntimeException the exception a computed's function threw, rethrown until a dependency changes
     */
    T peek();

    /**
     * Returns the human-readable name of this node, used in error messages, logs and the graph snapshot.
     *
     * @return the name, or {@code null} if none was given
     */
    @Nullable String name();
}
