package io.reaktiv.bench.jmh;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.scope;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.EffectScope;
import io.reaktiv.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of writes without dependents, of a batch and of an effect's life cycle.
 *
 * <ul>
 *   <li>{@code noopWrite}: {@code set} of a value equal to the current one (nothing is notified);
 *   <li>{@code batchOf10Writes}: one batch writing 10 signals that one effect reads, so the effect runs once
 *       per batch;
 *   <li>{@code effectCreateDispose}: create an effect that reads one signal (it runs once), then dispose it.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WriteBenchmark {

    /** Boxed once: the no-op write must pass an equal value without allocating. */
    private static final Double ONE = 1.0;

    private Signal<Double> signal;
    private final List<Signal<Double>> batched = new ArrayList<>();
    private EffectScope scope;
    private double next;
    private double sink;

    /** Builds the signals and the effect over the batched ones. */
    @Setup
    public void setUp() {
        signal = signal(ONE);
        for (int i = 0; i < 10; i++) {
            batched.add(signal(0.0));
        }
        scope = scope();
        scope.run(() -> {
            effect(() -> {
                for (Signal<Double> s : batched) {
                    sink += s.get();
                }
            });
        });
    }

    /** Disposes the effect. */
    @TearDown
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public void noopWrite() {
        signal.set(ONE);
    }

    @Benchmark
    public void batchOf10Writes() {
        double value = ++next;
        batch(() -> {
            for (Signal<Double> s : batched) {
                s.set(value);
            }
        });
    }

    @Benchmark
    public void effectCreateDispose() {
        effect(() -> {
            sink += signal.get();
        }).dispose();
    }
}
