package io.reaktiv.bench.jmh;

import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.scope;
import static io.reaktiv.Reaktiv.signal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reaktiv.EffectScope;
import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffectObserver;
import io.reaktiv.spring.metrics.ReaktivMeterBinder;
import io.reaktiv.spring.metrics.TimerEffectObserver;
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

/**
 * A write that runs one (synchronous) effect, with the starter's meters bound or not:
 *
 * <ul>
 *   <li>{@code none}: no registry, nothing bound;
 *   <li>{@code bound}: the {@link ReaktivMeterBinder} bound to a registry (function counters over the engine's own
 *       counters, node and scheduler gauges): counting should cost nothing per write or run;
 *   <li>{@code timed}: bound, and the effect's body timed as the starter times {@code @ReactiveEffect} runs without
 *       an observation registry ({@link TimerEffectObserver}, a {@code reaktiv.effect} timer per run): the price of
 *       run timing, for comparison.
 * </ul>
 * The registry is scraped (every meter read) once per iteration, so the bound variants do the work a monitored
 * service does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3)
public class MeterBindingBenchmark {

    @Param({"none", "bound", "timed"})
    public String metrics;

    private Signal<Integer> input;
    private EffectScope scope;
    private SimpleMeterRegistry registry;
    private ReaktivMeterBinder binder;
    private int next;
    private long sink;

    /** Creates the signal and its effect, and binds the meters if asked. */
    @Setup
    public void setUp() {
        input = signal(0).named("bench.input");
        ReactiveEffectObserver observer = ReactiveEffectObserver.NONE;
        if (!metrics.equals("none")) {
            registry = new SimpleMeterRegistry();
            binder = new ReaktivMeterBinder(null);
            binder.bindTo(registry);
            if (metrics.equals("timed")) {
                observer = new TimerEffectObserver(registry);
            }
        }
        ReactiveEffectObserver runObserver = observer;
        scope = scope();
        scope.run(() -> effect("bench.effect", () -> {
            ReactiveEffectObserver.Run run = runObserver.start("bench.effect", false);
            sink += input.get();
            run.leave();
            run.end(null);
        }));
    }

    /** Reads every meter once per iteration, as a scrape would. */
    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void scrape() {
        if (registry != null) {
            registry.getMeters().forEach(m -> m.measure().forEach(ms -> sink += (long) ms.getValue()));
        }
    }

    /** Disposes the effect. */
    @TearDown
    public void tearDown() {
        scope.dispose();
        if (registry != null) {
            registry.close();
        }
    }

    @Benchmark
    public void writeWithOneEffect() {
        input.set(++next);
    }
}
