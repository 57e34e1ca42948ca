package io.reaktiv.bench.adapters;

import io.reaktiv.bench.alienjava.AlienSignals;
import io.reaktiv.bench.alienjava.AlienSignals.EffectScope;
import io.reaktiv.bench.alienjava.AlienSignals.Signal;
import io.reaktiv.bench.scenarios.Adapter;
import java.util.function.Supplier;

/**
 * alien-jvm: the single-threaded Java port of alien-signals 3.2.1 in {@code io.reaktiv.bench.alienjava}, mapped
 * like the Node harness's alien adapter: a graph is built inside an {@code effectScope}, which cleanup disposes;
 * a batch is {@code startBatch}/{@code endBatch}. A reference point only: what the JavaScript algorithm costs on
 * the JVM, without thread safety.
 */
public final class AlienJavaAdapter implements Adapter {

    private EffectScope scope;

    @Override
    public String describe() {
        return "alien-signals@" + AlienSignals.PORTED_VERSION + " ported to Java (single-threaded)";
    }

    @Override
    public Supplier<Double> signal(double initial) {
        return AlienSignals.signal(initial);
    }

    @Override
    @SuppressWarnings("unchecked") // only signals this adapter created are written
    public void write(Supplier<Double> signal, double value) {
        ((Signal<Double>) signal).set(value);
    }

    @Override
    public <T> Supplier<T> computed(Supplier<T> fn, Supplier<?>... deps) {
        return AlienSignals.computed(fn);
    }

    /**
     * Same as {@link #computed}: the port compares values like JavaScript's {@code !==}, by identity for objects
     * such as the scenario's fresh maps.
     */
    @Override
    public <T> Supplier<T> computedByIdentity(Supplier<T> fn, Supplier<?>... deps) {
        return AlienSignals.computed(fn);
    }

    /** The body returns no cleanup, as the scenarios' JavaScript effects return {@code undefined}. */
    @Override
    public void effect(Runnable fn, Supplier<?>... deps) {
        AlienSignals.effect(() -> {
            fn.run();
            return null;
        });
    }

    @Override
    public void batch(Runnable writes) {
        AlienSignals.startBatch();
        try {
            writes.run();
        } finally {
            AlienSignals.endBatch();
        }
    }

    @Override
    public <T> T build(Supplier<T> construction) {
        Object[] result = new Object[1];
        scope = AlienSignals.effectScope(() -> result[0] = construction.get());
        @SuppressWarnings("unchecked") // result[0] was returned by construction
        T built = (T) result[0];
        return built;
    }

    @Override
    public void cleanup() {
        if (scope != null) {
            scope.dispose();
            scope = null;
        }
    }
}
