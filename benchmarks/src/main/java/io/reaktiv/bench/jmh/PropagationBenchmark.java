package io.reaktiv.bench.jmh;

import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.scope;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.EffectScope;
import io.reaktiv.Signal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of a write that changes the value of a signal read by 1, 10 or 100 effects, all of which run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PropagationBenchmark {

    @Param({"1", "10", "100"})
    public int effects;

    private Signal<Double> signal;
    private EffectScope scope;
    private double next;
    private double sink;

    /** Creates the signal and its effects. */
    @Setup
    public void setUp() {
        signal = signal(0.0);
        scope = scope();
        scope.run(() -> {
            for (int i = 0; i < effects; i++) {
                effect(() -> {
                    sink += signal.get();
                });
            }
        });
    }

    /** Disposes the effects. */
    @TearDown
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public void writeWithEffects() {
        signal.set(++next);
    }
}
