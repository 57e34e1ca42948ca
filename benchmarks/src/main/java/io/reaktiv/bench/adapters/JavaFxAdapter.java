package io.reaktiv.bench.adapters;

import io.reaktiv.bench.scenarios.Adapter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleObjectProperty;

/**
 * JavaFX property bindings as the JVM baseline (SCENARIOS.md §5): sources are {@code SimpleObjectProperty},
 * computeds are lazy {@code ObjectBinding}s bound to the superset of what they may read, effects are
 * invalidation listeners that queue themselves, flushed when the outermost batch ends (JavaFX has neither
 * effects nor batches). JavaFX has no equality cut-off, so a few rows show extra runs.
 */
public final class JavaFxAdapter implements Adapter {

    /**
     * Every node built since the last cleanup. Bindings observe their dependencies through weak listeners, so a
     * binding only referenced from upstream would be collected in the middle of a scenario.
     */
    private final List<Object> retained = new ArrayList<>();
    private final ArrayDeque<FxEffect> pending = new ArrayDeque<>();
    private int batchDepth;

    @Override
    public String describe() {
        return "javafx-base@" + Versions.of("javafx");
    }

    @Override
    public Supplier<Double> signal(double initial) {
        FxSignal signal = new FxSignal(initial);
        retained.add(signal);
        return signal;
    }

    @Override
    public void write(Supplier<Double> signal, double value) {
        FxSignal source = (FxSignal) signal;
        Double boxed = value;
        // A property compares by reference; the scenarios need an equal value to be a no-op.
        if (!Objects.equals(source.get(), boxed)) {
            source.set(boxed);
            if (batchDepth == 0) {
                flush();
            }
        }
    }

    @Override
    public <T> Supplier<T> computed(Supplier<T> fn, Supplier<?>... deps) {
        FxComputed<T> computed = new FxComputed<>(fn, observables(deps));
        retained.add(computed);
        return computed;
    }

    /** Same as {@link #computed}: without a cut-off, the equality a computed would use does not matter. */
    @Override
    public <T> Supplier<T> computedByIdentity(Supplier<T> fn, Supplier<?>... deps) {
        return computed(fn, deps);
    }

    @Override
    public void effect(Runnable fn, Supplier<?>... deps) {
        FxEffect effect = new FxEffect(fn);
        retained.add(effect);
        for (Observable dep : observables(deps)) {
            dep.addListener(effect);
        }
        fn.run();
    }

    @Override
    public void batch(Runnable writes) {
        batchDepth++;
        try {
            writes.run();
        } finally {
            batchDepth--;
        }
        if (batchDepth == 0) {
            flush();
        }
    }

    @Override
    public <T> T build(Supplier<T> construction) {
        return construction.get();
    }

    /** Drops every reference the adapter holds: the graph has no other roots and becomes garbage. */
    @Override
    public void cleanup() {
        retained.clear();
        pending.clear();
    }

    /** Runs the effects invalidated since the last flush, each once, in the order they were invalidated. */
    private void flush() {
        FxEffect effect;
        while ((effect = pending.poll()) != null) {
            effect.queued = false;
            effect.fn.run();
        }
    }

    private static Observable[] observables(Supplier<?>[] deps) {
        Observable[] observables = new Observable[deps.length];
        for (int i = 0; i < deps.length; i++) {
            observables[i] = (Observable) deps[i];
        }
        return observables;
    }

    /** A source. {@code ObjectPropertyBase.get()} implements {@code Supplier.get()}. */
    private static final class FxSignal extends SimpleObjectProperty<Double> implements Supplier<Double> {
        FxSignal(double initial) {
            super(initial);
        }
    }

    /** A lazy derived value: JavaFX calls {@link #computeValue()} on the first {@code get()} after invalidation. */
    private static final class FxComputed<T> extends ObjectBinding<T> implements Supplier<T> {
        private final Supplier<T> fn;

        FxComputed(Supplier<T> fn, Observable[] deps) {
            this.fn = fn;
            bind(deps);
        }

        @Override
        protected T computeValue() {
            return fn.get();
        }
    }

    /** An effect: queued once per batch when any dependency becomes invalid. */
    private final class FxEffect implements InvalidationListener {
        private final Runnable fn;
        private boolean queued;

        FxEffect(Runnable fn) {
            this.fn = fn;
        }

        @Override
        public void invalidated(Observable observable) {
            if (!queued) {
                queued = true;
                pending.add(this);
            }
        }
    }
}
