package io.reaktiv;

import org.jspecify.annotations.Nullable;

/** A read-only view of a writable signal; it cannot be cast back to the signal. */
final class ReadonlyView<T extends @Nullable Object> implements ReadableSignal<T> {

    private final ReadableSignal<T> target;

    ReadonlyView(ReadableSignal<T> target) {
        this.target = target;
    }

    @Override
    public T get() {
        return target.get();
    }

    @Override
    public T peek() {
        return target.peek();
    }

    @Override
    public @Nullable String name() {
        return target.name();
    }

    @Override
    public String toString() {
        return "Readonly" + target;
    }
}
