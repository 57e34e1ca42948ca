package io.reaktiv;

import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A computed value: a {@link DerivedNode} whose value is what its function returns. */
final class ComputedNode<T extends @Nullable Object> extends DerivedNode<T> implements Computed<T> {

    private final Supplier<T> function;

    ComputedNode(Supplier<T> function, @Nullable BiPredicate<? super T, ? super T> equality) {
        super(equality);
        this.function = function;
    }

    @Override
    NodeKind kind() {
        return NodeKind.COMPUTED;
    }

    @Override
    T compute(@Nullable Object old) {
        return function.get();
    }

    @Override
    public Computed<T> named(String name) {
        setName(name);
        return this;
    }
}
