package io.reaktiv;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.linkedSignal;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per way user code can misbehave: each asserts the exact outcome, then that the engine is still fully
 * usable (another thread writes and reads, another effect runs, the graph snapshot is consistent).
 */
class HostileUserCodeTest {

    @RegisterExtension
    final StressFixture fixture = new StressFixture();

    private final List<ListenerRegistration> listeners = new ArrayList<>();

    @AfterEach
    void removeListeners() {
        listeners.forEach(ListenerRegistration::close);
    }

    // ---------------------------------------------------------------- cycles (defect 1)

    @Test
    void aCycleIsReportedOnEveryReadAfterLaterWritesAndNeverWalked() throws Exception {
        AtomicReference<Computed<Integer>> bRef = new AtomicReference<>();
        Computed<Integer> a = computed(() -> bRef.get().get() + 1).named("a");
        Computed<Integer> b = computed(() -> a.get() + 1).named("b");
        bRef.set(b);
        Signal<Integer> unrelated = signal(0);
        for (int round = 1; round <= 3; round++) {
            assertThatThrownBy(a::get).isInstanceOf(CycleDetectedException.class)
                    .hasMessageContaining("'a' depends on itself");
            unrelated.set(round); // any write: the next read must report again, not walk the cycle
        }
        assertThatThrownBy(b::get).isInstanceOf(CycleDetectedException.class);
        assertEngineUsable();
    }

    @Test
    void aSelfCycleClosedOnlyUnderSomeInputIsReportedThenHealsWhenTheInputChanges() throws Exception {
        Signal<Integer> mode = signal(0);
        AtomicReference<Computed<Integer>> self = new AtomicReference<>();
        self.set(computed(() -> mode.get() == 1 ? self.get().get() + 1 : 7).named("self"));
        assertThat(self.get().get()).isEqualTo(7);
        mode.set(1);
        assertThatThrownBy(() -> self.get().get()).isInstanceOf(CycleDetectedException.class);
        signal(0).set(1);
        assertThatThrownBy(() -> self.get().get()).isInstanceOf(CycleDetectedException.class);
        mode.set(2);
        assertThat(self.get().get()).isEqualTo(7);
        assertEngineUsable();
    }

    @Test
    void anEffectReadingAReportedCycleReportsItOnEveryChangeAndKeepsReacting() throws Exception {
        Signal<Integer> mode = signal(1);
        AtomicReference<Computed<Integer>> bRef = new AtomicReference<>();
        Computed<Integer> a = computed(() -> mode.get() == 1 ? bRef.get().get() + 1 : -1).named("a");
        Computed<Integer> b = computed(() -> a.get() + 1).named("b");
        bRef.set(b);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        effect("reader", () -> seen.add(a.get()));
        assertThat(fixture.effectErrors).singleElement().isInstanceOf(CycleDetectedException.class);
        signal(0).set(1);
        mode.set(3); // the cycle opens: a no longer reads b
        assertThat(seen).containsExactly(-1);
        assertThat(fixture.effectErrors).hasSize(1);
        mode.set(1); // and closes again
        assertThat(fixture.effectErrors).hasSize(2).allSatisfy(e -> assertThat(e)
                .isInstanceOf(CycleDetectedException.class));
        assertEngineUsable();
    }

    // ---------------------------------------------------------------- run claims (defect 2)

    @Test
    void anErrorHandlerThatRethrowsDoesNotWedgeTheEffect() throws Exception {
        Reaktiv.setErrorHandler((effect, error) -> {
            throw Failures.sneakyThrow(error);
        });
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        List<String> cleanups = new ArrayList<>();
        Effect e = effect(onCleanup -> {
            int v = s.get();
            seen.add(v);
            onCleanup.accept(() -> cleanups.add("cleanup " + v));
            if (v % 2 == 1) {
                throw new IllegalStateException("odd " + v);
            }
        });
        s.set(1);
        s.set(2);
        s.set(3);
        assertThat(seen).containsExactly(0, 1, 2, 3);
        e.dispose();
        assertThat(cleanups).containsExactly("cleanup 0", "cleanup 1", "cleanup 2", "cleanup 3");
        assertThat(Reaktiv.graph().nodes().stream().filter(n -> n.dependents().contains(idOf(e)))).isEmpty();
        Reaktiv.setErrorHandler((effect, error) -> fixture.effectErrors.add(error));
        assertEngineUsable();
    }

    @Test
    void aStackOverflowWhileRevalidatingAtTheEndOfARunDoesNotWedgeTheEffect() throws Exception {
        Signal<Integer> in = signal(0);
        AtomicBoolean overflow = new AtomicBoolean();
        Computed<Integer> c = computed(() -> {
            int v = in.get();
            if (overflow.get()) {
                throw new StackOverflowError("simulated");
            }
            return v;
        });
        List<Integer> seen = new ArrayList<>();
        Effect e = effect(() -> {
            seen.add(c.get());
            if (seen.size() == 1) {
                overflow.set(true);
                in.set(1); // notifies this effect during its run: re-validated at the end of the run
            }
        });
        // The re-validation overflowed (not memoized): the effect ran again and its read overflowed, reported.
        assertThat(fixture.effectErrors).singleElement().isInstanceOf(StackOverflowError.class);
        overflow.set(false);
        in.set(2);
        assertThat(seen).containsExactly(0, 2);
        e.dispose();
        assertThat(e.isDisposed()).isTrue();
        assertEngineUsable();
    }

    @Test
    void aListenerThrowingAnErrorFromOnEffectRunDoesNotWedgeTheEffect() throws Exception {
        listeners.add(Reaktiv.addListener(new ReaktivListener() {
            @Override
            public void onEffectRun(Effect effect, long nanos, Throwable error) {
                throw new AssertionError("listener bug");
            }
        }));
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        AtomicInteger cleanups = new AtomicInteger();
        Effect e = effect(onCleanup -> {
            seen.add(s.get());
            onCleanup.accept(cleanups::incrementAndGet);
        });
        s.set(1);
        s.set(2);
        e.dispose();
        assertThat(seen).containsExactly(0, 1, 2);
        assertThat(cleanups).hasValue(3);
        assertEngineUsable();
    }

    // ---------------------------------------------------------------- JVM trouble in a computed (defect 3)

    @Test
    void aVirtualMachineErrorIsNeverMemoizedAndNeverLeavesAnOldValueFresh() throws Exception {
        Signal<Integer> in = signal(0);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            int v = in.get();
            if (v == 1) {
                throw new StackOverflowError("simulated");
            }
            return v;
        });
        assertThat(c.get()).isZero();
        in.set(1);
        assertThatThrownBy(c::get).isInstanceOf(StackOverflowError.class);
        assertThatThrownBy(c::get).as("not memoized: computed again").isInstanceOf(StackOverflowError.class);
        assertThat(runs).hasValue(3);
        in.set(2);
        assertThat(c.get()).isEqualTo(2);
        assertEngineUsable();
    }

    @Test
    void aVirtualMachineErrorInAComputedAnEffectReadsGoesToTheHandlerNotToTheWriter() throws Exception {
        Signal<Integer> in = signal(0);
        Computed<Integer> c = computed(() -> {
            int v = in.get();
            if (v == 1) {
                throw new StackOverflowError("simulated");
            }
            return v;
        });
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(c.get()));
        in.set(1); // must not throw here
        assertThat(fixture.effectErrors).singleElement().isInstanceOf(StackOverflowError.class);
        in.set(2);
        in.set(3);
        assertThat(seen).containsExactly(0, 2, 3);
        assertEngineUsable();
    }

    /**
     * The nested read of a computed by a function that already holds its domain (no enter of its own): an
     * {@code Error} from the inner function reaches the outer reader, is not memoized, and leaves no lock held:
     * another thread then writes and reads the same graph.
     */
    @Test
    void aVirtualMachineErrorInAComputedReadInsideAnotherFunctionLeavesTheGraphUsableFromAnotherThread()
            throws Exception {
        Signal<Integer> in = signal(0);
        AtomicInteger innerRuns = new AtomicInteger();
        Computed<Integer> inner = computed(() -> {
            innerRuns.incrementAndGet();
            int v = in.get();
            if (v == 1) {
                throw new StackOverflowError("simulated");
            }
            return v;
        });
        Computed<Integer> outer = computed(() -> inner.get() + 100);
        assertThat(outer.get()).isEqualTo(100); // the first read joins the domains: later reads nest
        in.set(1);
        assertThatThrownBy(outer::get).isInstanceOf(StackOverflowError.class);
        assertThatThrownBy(outer::get).as("not memoized: computed again").isInstanceOf(StackOverflowError.class);
        assertThat(innerRuns).hasValue(3);

        ExecutorService other = fixture.track(Executors.newSingleThreadExecutor());
        int fromOtherThread = other.submit(() -> {
            in.set(2);
            return outer.get();
        }).get(30, TimeUnit.SECONDS);

        assertThat(fromOtherThread).isEqualTo(102);
        assertThat(outer.get()).isEqualTo(102);
        assertEngineUsable();
    }

    // ---------------------------------------------------------------- deep first reads (defect 4)

    @Test
    void theFirstReadOfATenThousandDeepChainWorksOnASmallStack() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Signal<Integer> source = signal(0);
                Supplier<Integer> previous = source::get;
                Computed<Integer> last = null;
                for (int i = 0; i < 10_000; i++) {
                    Supplier<Integer> p = previous;
                    last = computed(() -> p.get() + 1);
                    previous = last::get;
                }
                Computed<Integer> end = last;
                List<Integer> seen = new ArrayList<>();
                Effect e = effect(() -> seen.add(end.get()));
                source.set(5);
                e.dispose();
                result.set(List.copyOf(seen));
            } catch (Throwable error) {
                result.set(error);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(result.get()).isEqualTo(List.of(10_000, 10_005));
        assertEngineUsable();
    }

    @Test
    void aFunctionThatSwallowsEverythingAroundADeepReadStillGetsTheRightValue() throws Exception {
        Signal<Integer> source = signal(1);
        Supplier<Integer> previous = source::get;
        for (int i = 0; i < 1_000; i++) {
            Supplier<Integer> p = previous;
            Computed<Integer> c = computed(() -> {
                try {
                    return p.get() + 1;
                } catch (Throwable swallowed) {
                    return -1_000_000; // a wrong answer that must never be kept
                }
            });
            previous = c::get;
        }
        assertThat(previous.get()).isEqualTo(1_001);
        source.set(2);
        assertThat(previous.get()).isEqualTo(1_002);
        assertEngineUsable();
    }

    // ---------------------------------------------------------------- effects feeding each other (defect 5)

    @Test
    void twoSynchronousEffectsFeedingEachOtherAreStoppedAsACycleNamingBoth() throws Exception {
        Signal<Integer> x = signal(0);
        Signal<Integer> y = signal(0);
        AtomicInteger runsA = new AtomicInteger();
        AtomicInteger runsB = new AtomicInteger();
        Effect a = effect("ping", () -> {
            runsA.incrementAndGet();
            x.set(y.get() + 1);
        });
        Effect b = effect("pong", () -> {
            runsB.incrementAndGet();
            y.set(x.get() + 1);
        });
        // ping's first run, then the chain started by pong's first run: depths 0 to MAX - 1.
        assertThat(runsA.get() + runsB.get()).isEqualTo(1 + EffectNode.MAX_EFFECT_RERUNS);
        assertThat(fixture.effectErrors).hasSize(1);
        assertThat(fixture.effectErrors.get(0)).isInstanceOf(CycleDetectedException.class)
                .hasMessageContaining("'ping'").hasMessageContaining("'pong'")
                .hasMessageContaining("kept triggering one another");
        a.dispose();
        b.dispose();
        assertEngineUsable();
    }

    @Test
    void twoEffectsFeedingEachOtherOnAnExecutorAreStopped() throws Exception {
        ExecutorService pool = fixture.track(Executors.newFixedThreadPool(2));
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(pool);
        EffectOptions options = EffectOptions.defaults().withScheduler(scheduler);
        Signal<Integer> x = signal(0);
        Signal<Integer> y = signal(0);
        AtomicInteger runs = new AtomicInteger();
        Effect a = effect(options.withName("ping"), () -> {
            runs.incrementAndGet();
            x.set(y.get() + 1);
        });
        Effect b = effect(options.withName("pong"), () -> {
            runs.incrementAndGet();
            y.set(x.get() + 1);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.effectErrors.isEmpty());
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
        int settled = runs.get();
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(1))).isTrue();
        assertThat(runs).as("no run after the loop was stopped").hasValue(settled);
        assertThat(settled).isLessThanOrEqualTo(2 * (EffectNode.MAX_EFFECT_RERUNS + 2));
        assertThat(fixture.effectErrors).allSatisfy(e -> assertThat(e).isInstanceOf(CycleDetectedException.class));
        a.dispose();
        b.dispose();
        assertEngineUsable();
    }

    @Test
    void aLongChainOfDistinctEffectsThatSettlesIsNotALoop() throws Exception {
        List<Signal<Integer>> stages = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            stages.add(signal(0));
        }
        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Signal<Integer> from = stages.get(i);
            Signal<Integer> to = stages.get(i + 1);
            effects.add(effect(() -> to.set(from.get())));
        }
        stages.get(0).set(42);
        assertThat(stages.get(50).get()).isEqualTo(42);
        assertThat(fixture.effectErrors).isEmpty();
        effects.forEach(Effect::dispose);
    }

    // ---------------------------------------------------------------- writes from inside the lock (defect 6)

    @Test
    void aWriteFromAnUpdaterRunsItsEffectsAfterTheLockIsReleased() throws Exception {
        Signal<Integer> other = signal(0);
        List<Boolean> lockHeld = new ArrayList<>();
        effect(() -> {
            other.get();
            lockHeld.add((ThreadState.current().heldCount() > 0));
        });
        Signal<Integer> s = signal(0);
        s.update(x -> {
            other.set(x + 10);
            return x + 1;
        });
        assertThat(s.get()).isEqualTo(1);
        assertThat(other.get()).isEqualTo(10);
        assertThat(lockHeld).containsExactly(false, false);
        assertEngineUsable();
    }

    @Test
    void aWriteFromACustomEqualityOrALinkedSignalUpdaterRunsItsEffectsOutsideTheLock() throws Exception {
        Signal<Integer> other = signal(0);
        List<Boolean> lockHeld = new ArrayList<>();
        effect(() -> {
            other.get();
            lockHeld.add((ThreadState.current().heldCount() > 0));
        });
        Signal<Integer> s = signal(0, (a, b) -> {
            other.update(v -> v + 1);
            return a.equals(b);
        });
        s.set(1);
        LinkedSignal<Integer> linked = linkedSignal(() -> 0);
        linked.update(v -> {
            other.update(o -> o + 100);
            return v + 1;
        });
        assertThat(linked.get()).isEqualTo(1);
        assertThat(lockHeld).hasSizeGreaterThan(1).containsOnly(false);
        assertEngineUsable();
    }

    @Test
    void writingASignalFromItsOwnUpdaterOrEqualityIsRefusedAndChangesNothing() throws Exception {
        Signal<Integer> s = signal(0);
        assertThatThrownBy(() -> s.update(x -> {
            s.set(100);
            return x + 1;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("from inside its own updater or equality");
        assertThat(s.get()).isZero();
        AtomicReference<Signal<Integer>> self = new AtomicReference<>();
        self.set(signal(0, (a, b) -> {
            self.get().set(5);
            return a.equals(b);
        }));
        assertThatThrownBy(() -> self.get().set(1)).isInstanceOf(IllegalStateException.class);
        assertThat(self.get().get()).isZero();
        assertThat(Reaktiv.graph().byId(idOf(s)).orElseThrow().writes()).isZero();
        assertEngineUsable();
    }

    @Test
    void aWriteFromAnOnWriteListenerIsRefused() throws Exception {
        Signal<Integer> target = signal(0);
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        listeners.add(Reaktiv.addListener(new ReaktivListener() {
            @Override
            public void onWrite(ReadableSignal<?> signal) {
                if (signal != target) {
                    try {
                        target.set(99);
                    } catch (Throwable t) {
                        refused.add(t);
                    }
                }
            }
        }));
        Signal<Integer> s = signal(0);
        s.set(1);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from a ReaktivListener");
        assertThat(target.get()).isZero();
        assertThat(s.get()).isEqualTo(1);
        assertEngineUsable();
    }

    @Test
    void anEffectCreatedInsideAnUpdaterRunsAfterTheLockIsReleased() throws Exception {
        Signal<Integer> s = signal(0);
        List<Boolean> lockHeld = new ArrayList<>();
        List<Effect> created = new ArrayList<>();
        s.update(x -> {
            created.add(effect(() -> lockHeld.add((ThreadState.current().heldCount() > 0))));
            return x + 1;
        });
        assertThat(lockHeld).containsExactly(false);
        created.forEach(Effect::dispose);
        assertEngineUsable();
    }

    // ---------------------------------------------------------------- counters (defect 11)

    @Test
    void countersAreExactUnderConcurrentWritersAndRuns() throws Exception {
        int threads = 4;
        int writesEach = 2_000;
        Signal<Integer> counter = signal(0).named("hostile.counter");
        Computed<Integer> doubled = computed(() -> counter.get() * 2).named("hostile.doubled");
        AtomicInteger observedRuns = new AtomicInteger();
        Effect e = effect("hostile.effect", () -> {
            doubled.get();
            observedRuns.incrementAndGet();
        });
        ExecutorService pool = fixture.track(Executors.newFixedThreadPool(threads));
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < writesEach; i++) {
                    counter.update(x -> x + 1);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(1, TimeUnit.MINUTES);
        }
        GraphSnapshot graph = Reaktiv.graph();
        assertThat(graph.find("hostile.counter").orElseThrow().writes()).isEqualTo((long) threads * writesEach);
        assertThat(graph.find("hostile.effect").orElseThrow().runs()).isEqualTo(observedRuns.get());
        e.dispose();
    }

    // ---------------------------------------------------------------- helpers

    private static long idOf(Object node) {
        return ((Node) node).id;
    }

    /** Another thread writes and reads, another effect runs, and every edge in the graph shows on both ends. */
    private void assertEngineUsable() throws Exception {
        ExecutorService other = fixture.track(Executors.newSingleThreadExecutor());
        List<Integer> seen = other.submit(() -> {
            Signal<Integer> s = signal(1);
            Computed<Integer> doubled = computed(() -> s.get() * 2);
            List<Integer> runs = new ArrayList<>();
            Effect e = effect(() -> runs.add(doubled.get()));
            batch(() -> s.set(2));
            s.set(3);
            e.dispose();
            return runs;
        }).get(30, TimeUnit.SECONDS);
        assertThat(seen).containsExactly(2, 4, 6);
        GraphSnapshot graph = Reaktiv.graph();
        Map<Long, NodeSnapshot> byId = new HashMap<>();
        graph.nodes().forEach(n -> byId.put(n.id(), n));
        for (NodeSnapshot n : graph.nodes()) {
            for (long dep : n.dependencies()) {
                NodeSnapshot d = byId.get(dep);
                if (d != null) {
                    assertThat(d.dependents()).as("dependents of %s", dep).contains(n.id());
                }
            }
        }
    }
}
