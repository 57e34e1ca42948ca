package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link LinkedSignal}'s computation saw last time: the source value it was computed from and the
 * value the linked signal held (computed or set by hand).
 *
 * @param source the source value of the previous computation
 * @param value the linked signal's value just before this computation
 * @param <S> the type of the source value
 * @param <T> the type of the linked signal's value
 */
public record Previous<S extends @Nullable Object, T extends @Nullable Object>(S source, T value) {
}
