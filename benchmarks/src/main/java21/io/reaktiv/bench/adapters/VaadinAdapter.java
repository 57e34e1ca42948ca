package io.reaktiv.bench.adapters;

import com.vaadin.signals.Signal;
import com.vaadin.signals.ValueSignal;
import io.reaktiv.bench.scenarios.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Vaadin's standalone signals ({@code com.vaadin:signals}, compiled for Java 21+, hence its own source folder):
 * {@code ValueSignal} sources, {@code Signal.computed}, {@code Signal.effect}, batches as transactions. Without
 * a registered {@code SignalEnvironment}, effects run on the writing thread when the transaction commits.
 */
public final class VaadinAdapter implements Adapter {

    private final List<Runnable> disposers = new ArrayList<>();

    @Override
    public String describe() {
        return "vaadin-signals@" + Versions.of("vaadin");
    }

    @Override
    public Supplier<Double> signal(double initial) {
        return new VaadinSignal(initial);
    }

    @Override
    public void write(Supplier<Double> signal, double value) {
        ValueSignal<Double> source = ((VaadinSignal) signal).signal;
        Double boxed = value;
        // The scenarios need an equal value to be a no-op, whatever the library does with it.
        if (!Objects.equals(source.peek(), boxed)) {
            source.value(boxed);
        }
    }

    @Override
    public <T> Supplier<T> computed(Supplier<T> fn, Supplier<?>... deps) {
        Signal<T> computed = Signal.computed(fn);
        return computed::value;
    }

    /** Same as {@link #computed}: Vaadin's computed signals take no equality. */
    @Override
    public <T> Supplier<T> computedByIdentity(Supplier<T> fn, Supplier<?>... deps) {
        return computed(fn, deps);
    }

    @Override
    public void effect(Runnable fn, Supplier<?>... deps) {
        disposers.add(Signal.effect(fn));
    }

    @Override
    public void batch(Runnable writes) {
        Signal.runInTransaction(writes);
    }

    @Override
    public <T> T build(Supplier<T> construction) {
        return construction.get();
    }

    @Override
    public void cleanup() {
        disposers.forEach(Runnable::run);
        disposers.clear();
    }

    /** A source; the wrapper gives {@code ValueSignal.value()} the {@code Supplier} shape. */
    private static final class VaadinSignal implements Supplier<Double> {
        private final ValueSignal<Double> signal;

        VaadinSignal(double initial) {
            signal = new ValueSignal<>(initial);
        }

        @Override
        public Double get() {
            return signal.value();
        }
    }
}
