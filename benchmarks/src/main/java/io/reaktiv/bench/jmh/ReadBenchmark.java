package io.reaktiv.bench.jmh;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one read, from a single thread.
 *
 * <ul>
 *   <li>untracked: {@code get()} outside any computed or effect (nothing to track: the path a request thread
 *       takes) and {@code peek()};
 *   <li>tracked: {@code get()} while a computed is evaluating, re-reading the dependencies it had last time.
 *       Each invocation writes a trigger signal and re-evaluates a computed that reads {@value #READS} nodes;
 *       the time is divided by {@value #READS}, so it includes 1/{@value #READS} of that write and
 *       re-evaluation.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReadBenchmark {

    /** Reads per evaluation in the tracked-read benchmarks. */
    static final int READS = 100;

    private Signal<Double> signal;
    private Computed<Double> cached;

    private Signal<Double> trigger;
    private double next;
    private Computed<Double> signalReader;
    private Computed<Double> computedReader;

    /** Builds the nodes; the computeds are evaluated once so that every read below hits the cache. */
    @Setup
    public void setUp() {
        signal = signal(1.0);
        cached = computed(() -> signal.get() + 1);
        cached.get();

        trigger = signal(0.0);
        List<Signal<Double>> signals = new ArrayList<>();
        List<Computed<Double>> computeds = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            Signal<Double> source = signal((double) i);
            signals.add(source);
            Computed<Double> derived = computed(() -> source.get() * 2);
            derived.get();
            computeds.add(derived);
        }
        signalReader = computed(() -> trigger.get() + sum(signals));
        computedReader = computed(() -> trigger.get() + sum(computeds));
    }

    private static double sum(List<? extends ReadableSignal<Double>> nodes) {
        double sum = 0;
        for (ReadableSignal<Double> node : nodes) {
            sum += node.get();
        }
        return sum;
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

    @Benchmark
    @OperationsPerInvocation(READS)
    public Double signalGetTracked() {
        trigger.set(++next);
        return signalReader.get();
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public Double computedGetTracked() {
        trigger.set(++next);
        return computedReader.get();
    }
}
