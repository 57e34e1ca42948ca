package io.reaktiv.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reaktiv.CounterTotals;
import io.reaktiv.EffectScheduler;
import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeKind;
import io.reaktiv.NodeSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The meters on given counter totals and snapshots: exact values, late names, monotonicity, refresh. */
class ReaktivMeterBinderTests {

    private final List<CounterTotals> totals = new ArrayList<>();
    private final AtomicInteger totalsCalls = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();
    private GraphSnapshot graph = new GraphSnapshot(List.of());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Held: Micrometer holds the objects behind function meters weakly, as a Spring context holds its beans. */
    private ReaktivMeterBinder binder;

    private ReaktivMeterBinder binder(Duration refresh, ExecutorEffectScheduler scheduler) {
        return binder = new ReaktivMeterBinder(scheduler, () -> {
            totalsCalls.incrementAndGet();
            return List.copyOf(totals);
        }, () -> graph, refresh, clock::get);
    }

    private double count(String meter, String name) {
        return registry.get(meter).tag("name", name).functionCounter().count();
    }

    @Test
    void countersShouldReadTheTotalsByMeterAndName() {
        totals.add(new CounterTotals(NodeKind.SIGNAL, "level", 4, 0, 0, 0));
        totals.add(new CounterTotals(NodeKind.COMPUTED, "status", 0, 7, 0, 0));
        totals.add(new CounterTotals(NodeKind.LINKED_SIGNAL, "draft", 2, 3, 0, 0));
        totals.add(new CounterTotals(NodeKind.EFFECT, "alert", 0, 0, 9, 1));
        totals.add(new CounterTotals(NodeKind.SIGNAL, null, 5, 0, 0, 0));
        totals.add(new CounterTotals(NodeKind.COMPUTED, null, 0, 6, 0, 0));
        binder(Duration.ZERO, null).bindTo(registry);
        assertThat(count("reaktiv.signal.writes", "level")).isEqualTo(4);
        assertThat(count("reaktiv.computed.recomputes", "status")).isEqualTo(7);
        assertThat(count("reaktiv.signal.writes", "draft")).isEqualTo(2);
        assertThat(count("reaktiv.computed.recomputes", "draft")).isEqualTo(3);
        assertThat(count("reaktiv.effect.runs", "alert")).isEqualTo(9);
        assertThat(count("reaktiv.effect.errors", "alert")).isEqualTo(1);
        assertThat(count("reaktiv.signal.writes", "unnamed")).isEqualTo(5);
        assertThat(count("reaktiv.computed.recomputes", "unnamed")).isEqualTo(6);
        assertThat(registry.find("reaktiv.signal.writes").tag("name", "status").meters()).isEmpty();
        assertThat(registry.find("reaktiv.effect.runs").tag("name", "level").meters()).isEmpty();
    }

    @Test
    void namesSeenLaterShouldGetCountersOnTheNextPoll() {
        totals.add(new CounterTotals(NodeKind.SIGNAL, "level", 1, 0, 0, 0));
        binder(Duration.ZERO, null).bindTo(registry);
        totals.add(new CounterTotals(NodeKind.SIGNAL, "late", 2, 0, 0, 0));
        assertThat(registry.find("reaktiv.signal.writes").tag("name", "late").meters()).isEmpty();
        registry.getMeters().forEach(ReaktivMeterBinderTests::poll);
        assertThat(count("reaktiv.signal.writes", "late")).isEqualTo(2);
    }

    @Test
    void countersShouldNeverGoDownWhenCountsMoveFromUnnamedToAName() {
        totals.add(new CounterTotals(NodeKind.SIGNAL, null, 10, 0, 0, 0));
        binder(Duration.ZERO, null).bindTo(registry);
        assertThat(count("reaktiv.signal.writes", "unnamed")).isEqualTo(10);
        totals.clear(); // a node with 4 writes got its name: its counts moved
        totals.add(new CounterTotals(NodeKind.SIGNAL, null, 6, 0, 0, 0));
        totals.add(new CounterTotals(NodeKind.SIGNAL, "named", 4, 0, 0, 0));
        assertThat(count("reaktiv.signal.writes", "unnamed")).isEqualTo(10);
        totals.clear();
        totals.add(new CounterTotals(NodeKind.SIGNAL, null, 8, 0, 0, 0)); // 2 more unnamed writes
        totals.add(new CounterTotals(NodeKind.SIGNAL, "named", 4, 0, 0, 0));
        assertThat(count("reaktiv.signal.writes", "unnamed")).isEqualTo(12);
    }

    @Test
    void readingsShouldBeTakenOncePerRefreshInterval() {
        totals.add(new CounterTotals(NodeKind.SIGNAL, "level", 1, 0, 0, 0));
        binder(Duration.ofSeconds(1), null).bindTo(registry);
        int before = totalsCalls.get();
        totals.set(0, new CounterTotals(NodeKind.SIGNAL, "level", 3, 0, 0, 0));
        for (int i = 0; i < 5; i++) {
            registry.getMeters().forEach(ReaktivMeterBinderTests::poll);
        }
        assertThat(totalsCalls.get()).isEqualTo(before);
        assertThat(count("reaktiv.signal.writes", "level")).isEqualTo(1);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(count("reaktiv.signal.writes", "level")).isEqualTo(3);
        assertThat(totalsCalls.get()).isEqualTo(before + 1);
    }

    @Test
    void nodeGaugesShouldCountLiveNodesByKind() {
        graph = new GraphSnapshot(List.of(node(1, NodeKind.SIGNAL), node(2, NodeKind.SIGNAL),
                node(3, NodeKind.COMPUTED), node(4, NodeKind.EFFECT)));
        binder(Duration.ZERO, null).bindTo(registry);
        assertThat(registry.get("reaktiv.graph.nodes").tag("kind", "signal").gauge().value()).isEqualTo(2);
        assertThat(registry.get("reaktiv.graph.nodes").tag("kind", "computed").gauge().value()).isEqualTo(1);
        assertThat(registry.get("reaktiv.graph.nodes").tag("kind", "linkedSignal").gauge().value()).isEqualTo(0);
        assertThat(registry.get("reaktiv.graph.nodes").tag("kind", "effect").gauge().value()).isEqualTo(1);
        assertThat(registry.find("reaktiv.scheduler.pending").meters()).isEmpty();
    }

    @Test
    void schedulerGaugesShouldShowPendingAndActiveRuns() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            ExecutorEffectScheduler scheduler = EffectScheduler.executor(single);
            binder(Duration.ZERO, scheduler).bindTo(registry);
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            scheduler.execute(() -> {
                running.countDown();
                await(release);
            });
            scheduler.execute(() -> { });
            running.await();
            assertThat(registry.get("reaktiv.scheduler.active").gauge().value()).isEqualTo(1);
            assertThat(registry.get("reaktiv.scheduler.pending").gauge().value()).isEqualTo(1);
            release.countDown();
            assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(registry.get("reaktiv.scheduler.active").gauge().value()).isEqualTo(0);
            assertThat(registry.get("reaktiv.scheduler.pending").gauge().value()).isEqualTo(0);
        } finally {
            single.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void poll(Meter meter) {
        meter.measure().forEach(m -> m.getValue());
    }

    private static NodeSnapshot node(long id, NodeKind kind) {
        return new NodeSnapshot(id, kind, null, List.of(), List.of(), 0, 0, 0, 0, false, false, false, false, null,
                null, List.of());
    }
}
