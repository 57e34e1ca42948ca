package io.reaktiv.bench.adapters;

import io.reaktiv.EffectScope;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.bench.scenarios.Adapter;
import java.util.function.Supplier;

/**
 * reaktiv-core. Its nodes are {@code Supplier}s already, so scenarios call them without a wrapper; dependencies
 * are tracked automatically, so the declared ones are ignored. A graph is built inside an {@link EffectScope},
 * which disposes all its effects on cleanup.
 */
public final class ReaktivAdapter implements Adapter {

    private EffectScope scope;

    @Override
    public String describe() {
        return "reaktiv-core@" + Versions.of("reaktiv");
    }

    @Override
    public Supplier<Double> signal(double initial) {
        return Reaktiv.signal(initial);
    }

    @Override
    @SuppressWarnings("unchecked") // only signals this adapter created are written
    public void write(Supplier<Double> signal, double value) {
        ((Signal<Double>) signal).set(value);
    }

    @Override
    public <T> Supplier<T> computed(Supplier<T> fn, Supplier<?>... deps) {
        return Reaktiv.computed(fn);
    }

    /** The scenarios' fresh maps are never equal to the previous one: identity avoids comparing their entries. */
    @Override
    public <T> Supplier<T> computedByIdentity(Supplier<T> fn, Supplier<?>... deps) {
        return Reaktiv.computed(fn, (a, b) -> a == b);
    }

    @Override
    public void effect(Runnable fn, Supplier<?>... deps) {
        Reaktiv.effect(fn);
    }

    @Override
    public void batch(Runnable writes) {
        Reaktiv.batch(writes);
    }

    @Override
    public <T> T build(Supplier<T> construction) {
        scope = Reaktiv.scope();
        return scope.run(construction);
    }

    @Override
    public void cleanup() {
        if (scope != null) {
            scope.close();
            scope = null;
        }
    }
}
