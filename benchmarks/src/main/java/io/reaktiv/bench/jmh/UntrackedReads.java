package io.reaktiv.bench.jmh;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.Signal;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads of up-to-date values outside any computed or effect (nothing to track: the path a request thread takes),
 * {@code get()} and {@code peek()} of a signal and of a cached computed. Inherited by {@link ReadBenchmark} (one
 * thread) and {@link ConcurrentReadBenchmark} (two threads on the same nodes), so both measure the same code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class UntrackedReads {

    private Signal<Double> signal;
    private Computed<Double> cached;

    /** Builds the nodes and evaluates the computed once, so that every read below hits the cache. */
    @Setup
    public void setUpUntracked() {
        signal = signal(1.0);
        cached = computed(() -> signal.get() + 1);
        cached.get();
    }

    @Benchmark
    public Double signalGetUntracked() {
        return signal.get();
    }

    @Benchmark
    public Double signalPeek() {
        return signal.peek();
    }

    @Benchmark
    public Double computedGetUntracked() {
        return cached.get();
    }

    @Benchmark
    public Double computedPeek() {
        return cached.peek();
    }
}
