package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * A writable signal whose value is derived from other values and reset whenever they change.
 *
 * <p>Like a {@link Computed} it is computed lazily from what its functions read; like a {@link Signal} it can
 * be {@linkplain #set set}. A value set by hand holds until one of the tracked inputs changes; then the
 * computation runs again, receiving the previous value (the one set by hand included) through
 * {@link Previous}.
 *
 * @param <T> the type of the value
 */
public interface LinkedSignal<T extends @Nullable Object> extends Signal<T> {

    /**
     * Gives this linked signal a name for error messages, logs and the graph snapshot.
     *
     * @param name the name; not blank
     * @return this linked signal
     * @throws IllegalArgumentException if the name is blank
     */
    @Override
    LinkedSignal<T> named(String name);
}
