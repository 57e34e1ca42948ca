package io.reaktiv.spring.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.reaktiv.CounterTotals;
import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeKind;
import io.reaktiv.Reaktiv;
import io.reaktiv.spring.actuate.GraphDescriber;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Publishes reaktiv's meters:
 * <ul>
 *   <li>{@code reaktiv.signal.writes}, {@code reaktiv.computed.recomputes}, {@code reaktiv.effect.runs},
 *   {@code reaktiv.effect.errors}: function counters tagged {@code name}, reading the engine's own counters
 *   ({@link Reaktiv#counterTotals()}), which include disposed and collected nodes, so they never go down. Nodes
 *   without a name count under {@code name=unnamed}. Linked signals count in both writes and recomputes.</li>
 *   <li>{@code reaktiv.graph.nodes}: a gauge of live nodes tagged {@code kind} ({@code signal}, {@code computed},
 *   {@code linkedSignal}, {@code effect}).</li>
 *   <li>{@code reaktiv.scheduler.pending} and {@code reaktiv.scheduler.active}: gauges of the managed scheduler's
 *   queued and running (or in flight) effect runs, when it has one.</li>
 * </ul>
 * Counting adds nothing to writes or runs: the engine counts anyway, and the meters read those counts when
 * polled. Readings are refreshed at most once per refresh interval (a second by default), in one pass over the
 * engine's nodes. Counters for names that appear later (new nodes, late naming) are registered when a poll of
 * any of these meters sees them, so they show from the next scrape on.
 *
 * <p>The counters describe the whole JVM's engine, which several application contexts may share. As with every
 * Micrometer function meter, the registry holds this binder weakly: whoever binds it keeps it (a bean is kept by
 * its context).
 */
public class ReaktivMeterBinder implements MeterBinder {

    /** The default refresh interval of readings. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

    private final @Nullable ExecutorEffectScheduler scheduler;
    private final EngineReadings readings;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    /** Counter keys registered so far. Guarded by {@code this}. */
    private final Set<EngineReadings.Key> registered = new HashSet<>();

    /**
     * Creates the binder on the engine.
     *
     * @param scheduler the managed scheduler, or {@code null} when effects run inline
     */
    public ReaktivMeterBinder(@Nullable ExecutorEffectScheduler scheduler) {
        this(scheduler, Reaktiv::counterTotals, Reaktiv::graph, DEFAULT_REFRESH, System::nanoTime);
    }

    /**
     * Creates the binder on given sources.
     *
     * @param scheduler the managed scheduler, or {@code null}
     * @param totals the counter totals
     * @param graphs snapshots, for node counts
     * @param refresh how long readings are reused
     * @param nanoClock the clock of the refresh interval
     */
    public ReaktivMeterBinder(@Nullable ExecutorEffectScheduler scheduler, Supplier<List<CounterTotals>> totals,
            Supplier<GraphSnapshot> graphs, Duration refresh, LongSupplier nanoClock) {
        this.scheduler = scheduler;
        this.readings = new EngineReadings(totals, graphs, refresh.toNanos(), nanoClock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        for (NodeKind kind : NodeKind.values()) {
            Gauge.builder("reaktiv.graph.nodes", this, binder -> binder.nodes(kind))
                    .tag("kind", GraphDescriber.kindName(kind))
                    .description("Live nodes of the reactive graph")
                    .register(registry);
        }
        ExecutorEffectScheduler s = scheduler;
        if (s != null) {
            Gauge.builder("reaktiv.scheduler.pending", s, ExecutorEffectScheduler::queuedRuns)
                    .description("Effect runs queued on the managed scheduler, not started yet")
                    .register(registry);
            Gauge.builder("reaktiv.scheduler.active", s, ExecutorEffectScheduler::activeRuns)
                    .description("Effect runs executing on the managed scheduler, or async runs in flight")
                    .register(registry);
        }
        List<EngineReadings.Key> known;
        synchronized (this) {
            known = List.copyOf(registered);
        }
        for (EngineReadings.Key key : known) {
            registerCounter(registry, key);
        }
        registerNewCounters();
    }

    private double nodes(NodeKind kind) {
        double nodes = readings.nodes(kind);
        registerNewCounters();
        return nodes;
    }

    private double total(EngineReadings.Key key) {
        double total = readings.total(key);
        registerNewCounters();
        return total;
    }

    /**
     * Registers a counter, in every registry bound so far, for each key the readings saw for the first time.
     * Called from polls (outside the readings' lock): constant time unless a refresh found new names.
     */
    private void registerNewCounters() {
        List<EngineReadings.Key> fresh = readings.newKeys();
        if (fresh.isEmpty()) {
            return;
        }
        synchronized (this) {
            registered.addAll(fresh);
        }
        for (EngineReadings.Key key : fresh) {
            for (MeterRegistry registry : registries) {
                registerCounter(registry, key);
            }
        }
    }

    private void registerCounter(MeterRegistry registry, EngineReadings.Key key) {
        FunctionCounter.builder(key.meter(), this, binder -> binder.total(key))
                .tag("name", key.name())
                .description(DESCRIPTIONS.get(key.meter()))
                .register(registry);
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            EngineReadings.SIGNAL_WRITES, "Writes that changed a signal's or linked signal's value",
            EngineReadings.COMPUTED_RECOMPUTES, "Runs of a computed's or linked signal's function",
            EngineReadings.EFFECT_RUNS, "Effect runs",
            EngineReadings.EFFECT_ERRORS, "Effect runs and cleanups that failed");
}
