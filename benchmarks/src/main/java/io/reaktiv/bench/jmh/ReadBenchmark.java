package io.reaktiv.bench.jmh;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * The cost of one read, from a single thread.
 *
 * <ul>
 *   <li>untracked: {@code get()} and {@code peek()} outside any computed or effect, inherited from
 *       {@link UntrackedReads};
 *   <li>tracked: {@code get()} while a computed is evaluating, re-reading the dependencies it had last time.
 *       Each invocation writes a trigger signal and re-evaluates a computed that reads {@value #READS} nodes;
 *       the time is divided by {@value #READS}, so it includes 1/{@value #READS} of that write and
 *       re-evaluation.
 * </ul>
 */
public class ReadBenchmark extends UntrackedReads {

    /** Reads per evaluation in the tracked-read benchmarks. */
    static final int READS = 100;

    private Signal<Double> trigger;
    private double next;
    private Computed<Double> signalReader;
    private Computed<Double> computedReader;

    /** Builds the tracked-read graph; its computeds are evaluated once, so re-evaluations re-read cached values. */
    @Setup
    public void setUpTracked() {
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
