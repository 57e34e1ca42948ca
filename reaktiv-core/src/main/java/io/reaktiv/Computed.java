package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * A value derived from other reactive values, computed lazily and cached.
 *
 * <p>The function runs on the first read, and again only on a read after one of the values it read last time
 * has changed. If the new result is equal to the old one (by the computed's equality) the old value is kept
 * and nothing that depends on this computed runs again. An exception thrown by the function is remembered
 * and rethrown by every read until a dependency changes.
 *
 * <p>The function must be pure: it must not write signals (that throws {@link IllegalStateException}), must
 * not create effects and must not block, because it runs while its graph component's lock is held.
 *
 * @param <T> the type of the value
 */
public interface Computed<T extends @Nullable Object> extends ReadableSignal<T> {

    /**
     * Gives this computed a name for error messages, logs and the graph snapshot.
     *
     * @param name the name; not blank
     * @return this computed
     * @throws IllegalArgumentException if the name is blank
     */
    Computed<T> named(String name);
}
