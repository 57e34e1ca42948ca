package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static io.reaktiv.Reaktiv.untracked;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Graphs that share no node are independent: work on one never waits for user code running under another's
 * lock. Graphs that share a node still serialize; graphs that meet for the first time while one of them is busy
 * are joined without deadlock and without using a result twice or losing one; and the usual guarantees (exact
 * final values, glitch-free reads) hold across such joins.
 *
 * <p>Thread 1 is parked inside user code of graph 1 (an updater, a computed function, an equality) with a
 * {@link Gate}; what must or must not wait for it is checked with exact outcomes and an exact order of events,
 * never with sleeps. Every wait is bounded; the gate is always opened in a {@code finally}; threads are daemons
 * in pools stopped after each test; every effect is disposed after its test.
 */
class DisjointGraphsTest {

    /** Upper bound for any single wait; far above what a healthy run needs. */
    private static final long WAIT_SECONDS = 30;

    /**
     * How long work on an unrelated graph may take while thread 1 is parked in graph 1. It needs milliseconds;
     * the bound only makes an engine that waits for thread 1 (one lock for everything) fail fast.
     */
    private static final long WHILE_PARKED_SECONDS = 5;

    @RegisterExtension
    final StressFixture fixture = new StressFixture();

    /** Effects made by a test (on any thread), disposed after it whatever its outcome. */
    private final List<Effect> effects = new CopyOnWriteArrayList<>();

    @AfterEach
    void disposeEffects() {
        effects.forEach(Effect::dispose);
        effects.clear();
    }

    private Effect track(Effect effect) {
        effects.add(effect);
        return effect;
    }

    // ================================================================ 1. disjoint graphs never wait for each other

    @Test
    void anUnrelatedGraphIsWrittenReadAndWatchedWhileAnUpdaterOfGraph1IsParked() throws Exception {
        Gate gate = new Gate();
        Signal<Integer> s1 = signal(0).named("s1");
        List<Integer> seen1 = new CopyOnWriteArrayList<>();
        track(effect("e1", () -> seen1.add(s1.get())));

        Object heldResult = unrelatedGraphProceedsWhileGraph1IsHeld(gate, () -> {
            s1.update(x -> {
                gate.park();
                return x + 1;
            });
            return "updated";
        }, () -> assertThat(s1.peek()).as("s1 while its updater is parked").isZero());

        assertThat(heldResult).isEqualTo("updated");
        assertThat(s1.peek()).isEqualTo(1);
        assertThat(seen1).as("what s1's effect saw").containsExactly(0, 1);
        assertThat(fixture.effectErrors).isEmpty();
    }

    @Test
    void anUnrelatedGraphIsWrittenReadAndWatchedWhileAComputedOfGraph1IsParkedInItsFunction() throws Exception {
        Gate gate = new Gate();
        Signal<Integer> s1 = signal(1).named("s1");
        AtomicBoolean parkNextRun = new AtomicBoolean();
        AtomicInteger c1Runs = new AtomicInteger();
        Computed<Integer> c1 = computed(() -> {
            c1Runs.incrementAndGet();
            int v = s1.get();
            if (parkNextRun.compareAndSet(true, false)) {
                gate.park();
            }
            return v * 10;
        }).named("c1");
        List<Integer> seen1 = new CopyOnWriteArrayList<>();
        track(effect("e1", () -> seen1.add(s1.get()))); // watches s1 only: c1 stays unwatched, computed on read
        assertThat(c1.get()).isEqualTo(10);
        s1.set(2);
        parkNextRun.set(true);

        // Thread 1 reads the stale c1: its evaluation parks inside c1's function.
        Object heldResult = unrelatedGraphProceedsWhileGraph1IsHeld(gate, c1::get,
                () -> assertThat(c1Runs).as("runs of c1's function while parked").hasValue(2));

        assertThat(heldResult).as("what thread 1's read of c1 returned").isEqualTo(20);
        assertThat(c1.get()).isEqualTo(20);
        assertThat(c1Runs).as("runs of c1's function").hasValue(2);
        assertThat(seen1).containsExactly(1, 2);
        assertThat(fixture.effectErrors).isEmpty();
    }

    @Test
    void anUnrelatedGraphIsWrittenReadAndWatchedWhileACustomEqualityOfGraph1IsParked() throws Exception {
        Gate gate = new Gate();
        // Armed by the updater, so the equality parks in the call that compares the updater's result, which
        // runs while update holds s1's lock (set's first comparison runs before taking it).
        AtomicBoolean parkNextComparison = new AtomicBoolean();
        BiPredicate<Integer, Integer> equality = (x, y) -> {
            if (parkNextComparison.compareAndSet(true, false)) {
                gate.park();
            }
            return Objects.equals(x, y);
        };
        Signal<Integer> s1 = signal(0, equality).named("s1");
        List<Integer> seen1 = new CopyOnWriteArrayList<>();
        track(effect("e1", () -> seen1.add(s1.get())));

        Object heldResult = unrelatedGraphProceedsWhileGraph1IsHeld(gate, () -> {
            s1.update(x -> {
                parkNextComparison.set(true);
                return x + 1;
            });
            return "updated";
        }, () -> assertThat(s1.peek()).as("s1 while its equality is parked").isZero());

        assertThat(heldResult).isEqualTo("updated");
        assertThat(s1.peek()).isEqualTo(1);
        assertThat(seen1).containsExactly(0, 1);
        assertThat(fixture.effectErrors).isEmpty();
    }

    /**
     * Control for the three tests above: thread 1 parks inside an effect of graph 1, and effects run outside
     * every lock, so this passes with any locking scheme; it shows the harness itself does not wait.
     */
    @Test
    void anUnrelatedGraphIsWrittenReadAndWatchedWhileAnEffectOfGraph1IsParked() throws Exception {
        Gate gate = new Gate();
        Signal<Integer> s1 = signal(0).named("s1");
        AtomicBoolean parkNextRun = new AtomicBoolean();
        List<Integer> seen1 = new CopyOnWriteArrayList<>();
        track(effect("e1", () -> {
            seen1.add(s1.get());
            if (parkNextRun.compareAndSet(true, false)) {
                gate.park();
            }
        }));
        parkNextRun.set(true);

        Object heldResult = unrelatedGraphProceedsWhileGraph1IsHeld(gate, () -> {
            s1.set(1); // e1 runs on thread 1, after the write released its lock, and parks
            return "written";
        }, () -> assertThat(seen1).as("e1 while parked in its second run").containsExactly(0, 1));

        assertThat(heldResult).isEqualTo("written");
        assertThat(s1.peek()).isEqualTo(1);
        assertThat(seen1).containsExactly(0, 1);
        assertThat(fixture.effectErrors).isEmpty();
    }

    /**
     * Builds graph 2 ({@code s2 -> c2 = 2 * s2 -> e2}), starts thread 1 with {@code holdGraph1} (which parks
     * inside user code of graph 1 through {@code gate}), and once it is parked has a worker write s2 four
     * times, read c2, create an effect on c2, write again, dispose that effect and write once more. All of that
     * must complete within {@link #WHILE_PARKED_SECONDS} while thread 1 is still parked, with exactly the
     * values the effects must see. Then opens the gate and returns what {@code holdGraph1} returned.
     */
    private Object unrelatedGraphProceedsWhileGraph1IsHeld(Gate gate, Callable<?> holdGraph1,
            Runnable checkWhileParked) throws Exception {
        Signal<Integer> s2 = signal(0).named("s2");
        Computed<Integer> c2 = computed(() -> s2.get() * 2).named("c2");
        List<Integer> seen2 = new CopyOnWriteArrayList<>();
        track(effect("e2", () -> seen2.add(c2.get())));
        assertThat(seen2).containsExactly(0);

        ExecutorService pool = fixture.daemonPool(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        List<Integer> seen3 = new CopyOnWriteArrayList<>();
        Future<?> holder = pool.submit(holdGraph1);
        Future<Integer> work = null;
        try {
            gate.awaitParked();
            work = pool.submit(() -> {
                worker.set(Thread.currentThread());
                s2.set(1);
                s2.set(2);
                s2.update(x -> x + 1);
                int read = c2.get();
                Effect e3 = track(effect("e3", () -> seen3.add(c2.get())));
                s2.set(4);
                e3.dispose();
                s2.set(5);
                return read;
            });
            int read;
            try {
                read = work.get(WHILE_PARKED_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the work on graph 2 (unrelated to graph 1) did not complete within "
                        + WHILE_PARKED_SECONDS + " s while thread 1 was parked inside graph 1: it waits for "
                        + "graph 1's lock. Worker: " + describe(worker.get()) + "Thread 1: "
                        + describe(gate.parkedThread()));
            } catch (ExecutionException e) {
                throw rethrow(e);
            }
            assertThat(holder.isDone()).as("thread 1, parked inside graph 1 until the gate opens").isFalse();
            checkWhileParked.run();
            assertThat(read).as("c2 read after s2 = 3").isEqualTo(6);
            assertThat(seen2).as("what e2 saw").containsExactly(0, 2, 4, 6, 8, 10);
            assertThat(seen3).as("what e3 saw before it was disposed").containsExactly(6, 8);
            assertThat(s2.peek()).isEqualTo(5);
        } finally {
            gate.open();
            settle(holder, work);
        }
        return join(holder);
    }

    // ================================================================ 2. related graphs still serialize

    /**
     * c2 reads s2 and s1, so s2 and s1 are one graph: a write to s2 must wait for thread 1, parked in s1's
     * updater. The order of events is exact: the worker's updater of s2 runs after thread 1's updater returned
     * and sees its write; c2 read after it is computed from both writes.
     */
    @Test
    void aWriteToAGraphThatSharesANodeWithGraph1WaitsForTheParkedUpdater() throws Exception {
        Gate gate = new Gate();
        Signal<Integer> s1 = signal(0).named("s1");
        Signal<Integer> s2 = signal(0).named("s2");
        Computed<Integer> c2 = computed(() -> s2.get() * 100 + s1.get()).named("c2");
        List<Integer> seen1 = new CopyOnWriteArrayList<>();
        AtomicInteger lastSeen2 = new AtomicInteger(-1);
        track(effect("e1", () -> seen1.add(s1.get())));
        track(effect("e2", () -> lastSeen2.set(c2.get())));
        assertThat(lastSeen2).hasValue(0);
        List<String> events = new CopyOnWriteArrayList<>();

        ExecutorService pool = fixture.daemonPool(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<?> holder = pool.submit(() -> s1.update(x -> {
            events.add("thread 1 updater entered");
            gate.park();
            events.add("thread 1 updater returns " + (x + 1));
            return x + 1;
        }));
        Future<?> work = null;
        try {
            gate.awaitParked();
            work = pool.submit(() -> {
                worker.set(Thread.currentThread());
                s2.update(x -> {
                    events.add("worker updater sees s1 = " + s1.peek());
                    return x + 1;
                });
                events.add("worker read c2 = " + c2.get());
            });
            awaitWaiting(worker);
            assertThat(work.isDone()).as("the worker's write, while thread 1 is parked").isFalse();
            assertThat(events).containsExactly("thread 1 updater entered");
            events.add("gate opened");
        } finally {
            gate.open();
            settle(holder, work);
        }
        join(holder);
        join(work);
        assertThat(events).containsExactly("thread 1 updater entered", "gate opened", "thread 1 updater returns 1",
                "worker updater sees s1 = 1", "worker read c2 = 101");
        assertThat(s1.peek()).isEqualTo(1);
        assertThat(s2.peek()).isEqualTo(1);
        assertThat(c2.get()).isEqualTo(101);
        assertThat(seen1).containsExactly(0, 1);
        assertThat(lastSeen2).as("what e2 saw last").hasValue(101);
        assertThat(fixture.effectErrors).isEmpty();
    }

    /**
     * The same with a read: c2 (unwatched, over s1 and s2) is stale because s2 was written; computing it needs
     * the graph thread 1 holds, so the worker's read waits and c2 is computed once, from thread 1's write.
     */
    @Test
    void aReadOfAStaleComputedThatSharesANodeWithGraph1WaitsForTheParkedUpdater() throws Exception {
        Gate gate = new Gate();
        Signal<Integer> s1 = signal(0).named("s1");
        Signal<Integer> s2 = signal(0).named("s2");
        List<String> events = new CopyOnWriteArrayList<>();
        Computed<Integer> c2 = computed(() -> {
            int v = s2.get() * 100 + s1.get();
            events.add("c2 computes " + v);
            return v;
        }).named("c2");
        assertThat(c2.get()).isZero();
        s2.set(1); // c2 is stale now
        events.clear();

        ExecutorService pool = fixture.daemonPool(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<?> holder = pool.submit(() -> s1.update(x -> {
            events.add("thread 1 updater entered");
            gate.park();
            events.add("thread 1 updater returns " + (x + 1));
            return x + 1;
        }));
        Future<Integer> work = null;
        try {
            gate.awaitParked();
            work = pool.submit(() -> {
                worker.set(Thread.currentThread());
                return c2.get();
            });
            awaitWaiting(worker);
            assertThat(work.isDone()).as("the worker's read, while thread 1 is parked").isFalse();
            assertThat(events).containsExactly("thread 1 updater entered");
            events.add("gate opened");
        } finally {
            gate.open();
            settle(holder, work);
        }
        join(holder);
        assertThat(join(work)).as("what the worker read").isEqualTo(101);
        assertThat(events).containsExactly("thread 1 updater entered", "gate opened", "thread 1 updater returns 1",
                "c2 computes 101");
        assertThat(c2.get()).isEqualTo(101);
        assertThat(events).as("no further computation").hasSize(4);
    }

    // ================================================================ 3. joining a busy graph (the restart path)

    /**
     * A new computed c reads s2 (graph 2), then s1, whose graph thread 1 holds in an updater: evaluating c
     * must wait for (or join) graph 1 and end with a value computed from thread 1's write. c's function may be
     * started again when the engine abandons the first try, so it is started at least once and at most twice;
     * its value is used once.
     */
    @Test
    void aNewComputedReadingAnUnrelatedGraphAndABusyOneJoinsThemAndSeesTheBusyWrite() throws Exception {
        Gate gate = new Gate();
        Signal<Integer> s1 = signal(1).named("s1");
        List<Integer> seen1 = new CopyOnWriteArrayList<>();
        track(effect("e1", () -> seen1.add(s1.get())));
        Signal<Integer> s2 = signal(10).named("s2");
        Computed<Integer> double2 = computed(() -> s2.get() * 2).named("double2");
        List<Integer> seen2 = new CopyOnWriteArrayList<>();
        track(effect("e2", () -> seen2.add(double2.get())));
        AtomicInteger starts = new AtomicInteger();
        Computed<Integer> c = computed(() -> {
            starts.incrementAndGet();
            int v = s2.get();
            return v + s1.get() * 1000;
        }).named("c");

        ExecutorService pool = fixture.daemonPool(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<?> holder = pool.submit(() -> s1.update(x -> {
            gate.park();
            return x + 1;
        }));
        Future<Integer> work = null;
        try {
            gate.awaitParked();
            work = pool.submit(() -> {
                worker.set(Thread.currentThread());
                return c.get();
            });
            awaitWaiting(worker);
            assertThat(work.isDone()).as("the worker's first read of c, while thread 1 holds s1").isFalse();
        } finally {
            gate.open();
            settle(holder, work);
        }
        join(holder);
        assertThat(join(work)).as("c as the worker read it: s2 + 1000 * s1 after thread 1's write")
                .isEqualTo(2010);
        int startsAfterWorker = starts.get();
        assertThat(startsAfterWorker).as("starts of c's function (restarted at most once)").isBetween(1, 2);
        assertThat(c.get()).isEqualTo(2010);
        assertThat(starts).as("starts after reading c again with nothing changed").hasValue(startsAfterWorker);

        // Joined for good: a write to either side reaches c, and the old effects keep working.
        s1.set(3);
        assertThat(c.get()).isEqualTo(3010);
        s2.set(11);
        assertThat(c.get()).isEqualTo(3011);
        assertThat(starts).hasValue(startsAfterWorker + 2);
        assertThat(seen1).containsExactly(1, 2, 3);
        assertThat(seen2).containsExactly(20, 22);
        assertThat(fixture.effectErrors).isEmpty();
    }

    /**
     * c (watched) reads only s2 until s2 reaches 10; then it also reads c1 = 1000 * s1, a computed of graph 1.
     * The worker writes s2 = 10 while thread 1 holds graph 1 in an updater; c's effect runs on the worker and
     * its evaluation of c makes first contact with graph 1 while it is busy.
     */
    @Test
    void aWatchedComputedThatFirstReadsABusyGraphOnALaterRunJoinsItAndSeesTheBusyWrite() throws Exception {
        Gate gate = new Gate();
        Signal<Integer> s1 = signal(1).named("s1");
        Computed<Integer> c1 = computed(() -> s1.get() * 1000).named("c1");
        List<Integer> seen1 = new CopyOnWriteArrayList<>();
        track(effect("e1", () -> seen1.add(c1.get())));
        Signal<Integer> s2 = signal(0).named("s2");
        AtomicInteger starts = new AtomicInteger();
        Computed<Integer> c = computed(() -> {
            starts.incrementAndGet();
            int v = s2.get();
            return v < 10 ? v : v + c1.get();
        }).named("c");
        List<Integer> seenC = new CopyOnWriteArrayList<>();
        track(effect("eC", () -> seenC.add(c.get())));
        assertThat(seenC).containsExactly(0);
        assertThat(starts).hasValue(1);

        ExecutorService pool = fixture.daemonPool(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<?> holder = pool.submit(() -> s1.update(x -> {
            gate.park();
            return x + 1;
        }));
        Future<?> work = null;
        try {
            gate.awaitParked();
            work = pool.submit(() -> {
                worker.set(Thread.currentThread());
                s2.set(10);
            });
            awaitWaiting(worker);
            assertThat(work.isDone()).as("the worker's write and its effect, while thread 1 holds s1").isFalse();
        } finally {
            gate.open();
            settle(holder, work);
        }
        join(holder);
        join(work);
        assertThat(seenC).as("what c's effect saw: 10 + c1 after thread 1's write").containsExactly(0, 2010);
        int startsAfterJoin = starts.get();
        assertThat(startsAfterJoin - 1).as("starts of c's function for s2 = 10 (restarted at most once)")
                .isBetween(1, 2);
        assertThat(seen1).containsExactly(1000, 2000);

        // Joined for good: writes to s1 now reach c's effect.
        s1.set(3);
        s2.set(11);
        assertThat(seenC).containsExactly(0, 2010, 3010, 3011);
        assertThat(seen1).containsExactly(1000, 2000, 3000);
        assertThat(starts).hasValue(startsAfterJoin + 2);
        assertThat(fixture.effectErrors).isEmpty();
    }

    /**
     * Two fresh graphs per round, a (with ca = a) and b (with cb = b). Thread A runs {@code a.update(x -> x +
     * cb.get())} and thread B {@code b.update(x -> x + ca.get())}, released together: each holds its own graph
     * and reaches into the other's. No deadlock, and the result is one of the two serial orders exactly (a = 1,
     * b = 10: A first gives a = 11, b = 21; B first gives b = 11, a = 12), so no updater's result was used twice
     * or lost. Every other round ca and cb are watched by effects, which end with the final values.
     */
    @Test
    void updatersReachingIntoEachOthersGraphAtTheSameTimeNeitherDeadlockNorLoseAWrite() throws Exception {
        int rounds = 200;
        ExecutorService pool = fixture.daemonPool(2);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Map<String, Integer> startCounts = new ConcurrentHashMap<>();
        for (int round = 0; round < rounds; round++) {
            Signal<Integer> a = signal(1).named("a" + round);
            Signal<Integer> b = signal(10).named("b" + round);
            Computed<Integer> ca = computed(() -> a.get()).named("ca" + round);
            Computed<Integer> cb = computed(() -> b.get()).named("cb" + round);
            assertThat(ca.get()).isEqualTo(1);
            assertThat(cb.get()).isEqualTo(10);
            boolean watched = round % 2 == 1;
            AtomicInteger lastA = new AtomicInteger();
            AtomicInteger lastB = new AtomicInteger();
            List<Effect> roundEffects = watched
                    ? List.of(track(effect(() -> lastA.set(ca.get()))), track(effect(() -> lastB.set(cb.get()))))
                    : List.of();
            AtomicInteger startsA = new AtomicInteger();
            AtomicInteger startsB = new AtomicInteger();
            CyclicBarrier go = new CyclicBarrier(2);
            Future<?> threadA = pool.submit(() -> {
                StressFixture.await(go);
                a.update(x -> {
                    startsA.incrementAndGet();
                    return x + cb.get();
                });
            });
            Future<?> threadB = pool.submit(() -> {
                StressFixture.await(go);
                b.update(x -> {
                    startsB.incrementAndGet();
                    return x + ca.get();
                });
            });
            join(threadA);
            join(threadB);

            String outcome = "a=" + a.peek() + ", b=" + b.peek();
            assertThat(outcome).as("round %d", round).isIn("a=11, b=21", "a=12, b=11");
            assertThat(startsA.get()).as("starts of A's updater in round %d", round).isBetween(1, 2);
            assertThat(startsB.get()).as("starts of B's updater in round %d", round).isBetween(1, 2);
            assertThat(ca.get()).isEqualTo(a.peek());
            assertThat(cb.get()).isEqualTo(b.peek());
            if (watched) {
                assertThat(lastA.get()).as("ca's effect, round %d", round).isEqualTo(a.peek());
                assertThat(lastB.get()).as("cb's effect, round %d", round).isEqualTo(b.peek());
            }
            roundEffects.forEach(Effect::dispose);
            outcomes.merge(outcome, 1, Integer::sum);
            startCounts.merge("A " + startsA + ", B " + startsB, 1, Integer::sum);
        }
        System.out.println("[DisjointGraphsTest] mirrored updaters, outcomes: " + outcomes
                + "; updater starts: " + startCounts);
        assertThat(fixture.effectErrors).isEmpty();
    }

    @Test
    void aListenerReadingAGraphThatAnotherThreadHoldsOutOfLockOrderIsRefusedNotDeadlocked() throws Exception {
        // Graph x is created first, so its lock comes first in the order; graph y's lock is wanted out of order
        // by a listener running under x's lock. A listener observes a write that has happened and cannot be run
        // again, so instead of waiting (which could deadlock) its read is refused with a clear exception.
        Signal<Integer> sx = signal(0).named("sx");
        Signal<Integer> sy = signal(1).named("sy");
        Computed<Integer> cy = computed(() -> sy.get() * 2).named("cy"); // unwatched: validated on read
        assertThat(cy.get()).isEqualTo(2);
        sx.set(1); // gives sx its own lock now, ordered before cy's
        List<Object> listenerSaw = new CopyOnWriteArrayList<>();
        Gate gate = new Gate();
        ExecutorService pool = fixture.daemonPool(1);
        try (ListenerRegistration ignored = Reaktiv.addListener(new ReaktivListener() {
            @Override
            public void onWrite(ReadableSignal<?> signal) {
                if (signal == sx) {
                    try {
                        listenerSaw.add(cy.get());
                    } catch (IllegalStateException refused) {
                        listenerSaw.add(refused.getMessage());
                    }
                }
            }
        })) {
            Future<?> holder = pool.submit(() -> {
                sy.set(2); // cy is stale now: reading it needs y's lock
                sy.update(x -> {
                    gate.park();
                    return x + 1;
                });
            });
            gate.awaitParked();
            try {
                sx.set(2);
            } finally {
                gate.open();
            }
            holder.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(listenerSaw).hasSize(1);
        assertThat(listenerSaw.get(0)).asString()
                .startsWith("A ReaktivListener read a value of another graph that another thread is updating");
        assertThat(sx.peek()).isEqualTo(2);
        assertThat(cy.get()).as("the graph the listener could not read is fine").isEqualTo(6);
    }

    /**
     * Graph x is given its lock first, graph y later, so y's lock comes after x's in the order: an operation
     * holding x's lock may only try y's. Thread 1 holds y (parked in an updater of {@code sy}); the worker's
     * operation on x then wants y out of order, restarts, joins the two once thread 1 is done, and runs again.
     */
    private record OutOfOrder(Signal<Integer> sx, Signal<Integer> sy, Computed<Integer> cy, Gate gate,
            Future<?> holder) {

        static OutOfOrder start(ExecutorService pool) {
            Signal<Integer> sx = signal(0).named("sx");
            sx.set(1); // x's lock now exists, ordered before y's
            Signal<Integer> sy = signal(1).named("sy");
            Computed<Integer> cy = computed(() -> sy.get() * 10).named("cy");
            assertThat(cy.get()).isEqualTo(10); // y's lock now exists too
            Gate gate = new Gate();
            Future<?> holder = pool.submit(() -> sy.update(x -> {
                gate.park();
                return x + 1;
            }));
            gate.awaitParked();
            return new OutOfOrder(sx, sy, cy, gate, holder);
        }

        /** Once the worker waits for thread 1 (it restarted and now joins the graphs in order), lets it go. */
        void releaseWhenWaiting(AtomicReference<Thread> worker) throws Exception {
            try {
                awaitWaiting(worker);
            } finally {
                gate.open();
            }
            holder.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUpdaterThatReadsAGraphHeldOutOfLockOrderRunsAgainAfterTheJoinAndSeesTheOtherWrite() throws Exception {
        ExecutorService pool = fixture.daemonPool(2);
        OutOfOrder setup = OutOfOrder.start(pool);
        AtomicInteger updaterStarts = new AtomicInteger();
        List<Integer> cySeen = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<?> update = pool.submit(() -> {
            worker.set(Thread.currentThread());
            setup.sx().update(x -> {
                updaterStarts.incrementAndGet();
                int y = setup.cy().get();
                cySeen.add(y);
                return x + y;
            });
        });
        setup.releaseWhenWaiting(worker);
        update.get(WAIT_SECONDS, TimeUnit.SECONDS);

        // The first start read nothing (refused at cy's lock); the second ran after thread 1's write.
        assertThat(updaterStarts).hasValue(2);
        assertThat(cySeen).containsExactly(20);
        assertThat(setup.sx().peek()).isEqualTo(21);
        assertThat(setup.sy().peek()).isEqualTo(2);
    }

    @Test
    void anEffectWhoseComputedFirstReadsAGraphHeldOutOfLockOrderRunsOnceWithTheJoinedValue() throws Exception {
        ExecutorService pool = fixture.daemonPool(2);
        Signal<Integer> trigger = signal(0).named("trigger");
        AtomicReference<Computed<Integer>> reachInto = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            int t = trigger.get();
            Computed<Integer> other = reachInto.get();
            return other == null ? t : t + other.get();
        }).named("c");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        track(effect("e", () -> seen.add(c.get()))); // e, c and trigger share a lock created before x and y
        OutOfOrder setup = OutOfOrder.start(pool);
        reachInto.set(setup.cy());
        AtomicReference<Thread> worker = new AtomicReference<>();
        int runsBefore = runs.get();
        Future<?> write = pool.submit(() -> {
            worker.set(Thread.currentThread());
            trigger.set(1); // e validates c, whose new run wants cy's lock out of order: restart, join, again
        });
        setup.releaseWhenWaiting(worker);
        write.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(runs.get() - runsBefore).as("c's function: the abandoned start and the real run").isEqualTo(2);
        assertThat(seen).as("e ran once for the write, with thread 1's value").containsExactly(0, 21);
        setup.sy().set(5);
        assertThat(seen).as("the join makes e react to y").containsExactly(0, 21, 51);
    }

    @Test
    void aComputedJoinedMidEvaluationStillPassesLaterWritesOnToItsEffect() {
        // Found by RandomGraphPropertyTest (seed -5575544183879922948). s0 gets a lock of its own (a write), then
        // an effect's first run builds sum = inner + s0: inner (over s1) is computed in the effect's component,
        // then reading s0 joins s0's component, whose version is newer. inner's validation stamp is then behind
        // the joined version, so watching it marks it stale; its watchers must be told, or the next write to s1
        // stops at inner (already stale) and never reaches the effect.
        Signal<Integer> s0 = signal(0).named("s0");
        Signal<Integer> s1 = signal(0).named("s1");
        Computed<Integer> inner = computed(s1::get).named("inner");
        Computed<Integer> sum = computed(() -> inner.get() + s0.get()).named("sum");
        Reaktiv.batch(() -> s0.set(1));
        List<Integer> seen = new CopyOnWriteArrayList<>();
        track(effect("e", () -> seen.add(sum.get())));
        s1.set(1);
        assertThat(seen).containsExactly(1, 2);
        s1.set(5);
        assertThat(seen).containsExactly(1, 2, 6);
    }

    @Test
    void aCustomEqualityReadingAnotherSignalWorksWhenSetIsCalledFromAnEffect() {
        // set() compares once before taking any lock; that comparison runs with no component to join, and an
        // effect's body is tracking meanwhile.
        Signal<Integer> tolerance = signal(2).named("tolerance");
        Signal<Integer> level = signal(0, (a, b) -> Math.abs(a - b) < tolerance.get()).named("level");
        Signal<Integer> input = signal(0).named("input");
        List<Integer> levels = new CopyOnWriteArrayList<>();
        track(effect("copy", () -> level.set(input.get())));
        track(effect("watch", () -> levels.add(level.get())));
        input.set(1); // within tolerance: equal, not written
        input.set(5);
        assertThat(levels).containsExactly(0, 5);
        assertThat(fixture.effectErrors).isEmpty();
    }

    // ================================================================ 4. stress with exact outcomes

    /**
     * N threads, each writing its own graph {@code s_i -> c_i = 2 s_i -> e_i} 20,000 times (sets and updates),
     * and every 1,000 writes creating a computed that joins its graph with the next thread's (alternately
     * {@code s_i + s_j} and {@code c_i + c_j}) and an effect on it, while that thread is writing. In the end
     * every effect saw exactly the final values and no error was reported, to the process-wide handler or to
     * the effects' own.
     */
    @RepeatedTest(5)
    void manyThreadsWritingTheirOwnGraphsWhileJoiningThemEndWithExactValues() throws Exception {
        int threads = 6;
        int writes = 20_000;
        int joinEvery = 1_000;
        List<Throwable> ownErrors = new CopyOnWriteArrayList<>();
        EffectOptions options = EffectOptions.defaults().withErrorHandler((effect, error) -> ownErrors.add(error));
        List<Signal<Integer>> s = new ArrayList<>();
        List<Computed<Integer>> c = new ArrayList<>();
        List<AtomicInteger> lastSeen = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Signal<Integer> si = signal(base(i)).named("s" + i);
            Computed<Integer> ci = computed(() -> si.get() * 2).named("c" + i);
            AtomicInteger last = new AtomicInteger();
            track(effect(options.withName("e" + i), () -> last.set(ci.get())));
            s.add(si);
            c.add(ci);
            lastSeen.add(last);
        }
        record Join(int i, int j, boolean ofComputeds, AtomicInteger lastSeen, Computed<Integer> computed) {
        }
        List<Join> joins = new CopyOnWriteArrayList<>();

        fixture.runConcurrently(threads, i -> {
            int j = (i + 1) % threads;
            Signal<Integer> mine = s.get(i);
            for (int k = 1; k <= writes; k++) {
                if (k % 2 == 1) {
                    mine.set(base(i) + k);
                } else {
                    mine.update(x -> x + 1);
                }
                if (k % joinEvery == 0) {
                    boolean ofComputeds = (k / joinEvery) % 2 == 0;
                    Computed<Integer> join = ofComputeds
                            ? computed(() -> c.get(i).get() + c.get(j).get())
                            : computed(() -> s.get(i).get() + s.get(j).get());
                    AtomicInteger last = new AtomicInteger();
                    track(effect(options.withName("join" + i + "-" + j + "@" + k), () -> last.set(join.get())));
                    joins.add(new Join(i, j, ofComputeds, last, join));
                }
            }
        });

        assertThat(ownErrors).as("errors reported to the effects' own handler").isEmpty();
        assertThat(fixture.effectErrors).as("errors reported to the process-wide handler").isEmpty();
        for (int i = 0; i < threads; i++) {
            int expected = base(i) + writes;
            assertThat(s.get(i).peek()).as("s%d", i).isEqualTo(expected);
            assertThat(c.get(i).get()).as("c%d", i).isEqualTo(2 * expected);
            assertThat(lastSeen.get(i).get()).as("what e%d saw last", i).isEqualTo(2 * expected);
        }
        assertThat(joins).hasSize(threads * writes / joinEvery);
        for (Join join : joins) {
            int sum = base(join.i()) + writes + base(join.j()) + writes;
            int expected = join.ofComputeds() ? 2 * sum : sum;
            assertThat(join.lastSeen().get()).as("what the effect on join %d-%d saw last", join.i(), join.j())
                    .isEqualTo(expected);
            assertThat(join.computed().get()).isEqualTo(expected);
        }
    }

    private static int base(int thread) {
        return (thread + 1) * 1_000_000;
    }

    // ================================================================ 5. glitch freedom across a join

    @RepeatedTest(3)
    void untrackedReadsOfAnotherGraphInsideAFunctionSeeOneStateWhileThatGraphIsWritten() throws Exception {
        // The writer keeps x >= y at every moment (x first, then y). A function reading x, then y, without
        // tracking them would see y overtake x if a write could land between its two reads; it joins their
        // graph instead, so none can.
        Signal<Integer> x = signal(0).named("x");
        Signal<Integer> y = signal(0).named("y");
        Signal<Integer> tick = signal(0).named("tick");
        Computed<Boolean> consistent = computed(() -> {
            tick.get();
            int readX = untracked(x::get);
            int readY = y.peek();
            return readY <= readX;
        }).named("consistent");
        int rounds = 20_000;
        AtomicInteger inconsistent = new AtomicInteger();
        fixture.runConcurrently(2, index -> {
            for (int i = 1; i <= rounds; i++) {
                if (index == 0) {
                    x.set(i);
                    y.set(i);
                } else {
                    tick.set(i);
                    if (!consistent.get()) {
                        inconsistent.incrementAndGet();
                    }
                }
            }
        });
        assertThat(inconsistent).as("function runs that saw y ahead of x").hasValue(0);
        assertThat(x.peek()).isEqualTo(rounds);
        assertThat(y.peek()).isEqualTo(rounds);
    }

    /**
     * b and c are built in separate graphs with separate sources ({@code b = 2 * xb}, {@code c = 3 * xc}, each
     * watched by its own effect), joined by {@code d = b + c}, and then switched, while two writers are writing
     * a (a third graph), to read a instead: the diamond {@code a -> b, c -> d} comes about by joins under
     * concurrent writes. After that, two readers read d (and {@code check = d - b - c}) in various ways and an
     * effect checks every d it sees: every d is 5 times a value written to a, never a mix.
     */
    @RepeatedTest(5)
    void aDiamondWhoseHalvesWereBuiltInSeparateGraphsIsGlitchFreeOnceJoined() throws Exception {
        int writesAfterJoin = 20_000;
        Signal<Integer> a = signal(0).named("a");
        Computed<Integer> aPlusOne = computed(() -> a.get() + 1).named("a+1");
        AtomicInteger lastA = new AtomicInteger(-1);
        track(effect("eA", () -> lastA.set(aPlusOne.get())));

        Signal<Boolean> bReadsA = signal(false).named("bReadsA");
        Signal<Boolean> cReadsA = signal(false).named("cReadsA");
        Signal<Integer> xb = signal(0).named("xb");
        Signal<Integer> xc = signal(0).named("xc");
        Computed<Integer> b = computed(() -> (bReadsA.get() ? a : xb).get() * 2).named("b");
        Computed<Integer> c = computed(() -> (cReadsA.get() ? a : xc).get() * 3).named("c");
        AtomicInteger lastB = new AtomicInteger(-1);
        AtomicInteger lastC = new AtomicInteger(-1);
        track(effect("eB", () -> lastB.set(b.get())));
        track(effect("eC", () -> lastC.set(c.get())));
        Computed<Integer> d = computed(() -> b.get() + c.get()).named("d");
        Computed<Integer> check = computed(() -> d.get() - b.get() - c.get()).named("check");

        Set<Integer> written = ConcurrentHashMap.newKeySet();
        written.add(0);
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean joined = new AtomicBoolean();
        CountDownLatch writersGo = new CountDownLatch(1);
        CountDownLatch readersGo = new CountDownLatch(1);
        AtomicInteger writersLeft = new AtomicInteger(2);
        ExecutorService pool = fixture.daemonPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                if (id < 2) {
                    await(writersGo);
                    // Writes during the joins, then writesAfterJoin more; values distinct across writers.
                    int k = 0;
                    while (!joined.get()) {
                        write(a, written, 2 * ++k + id);
                    }
                    for (int n = 0; n < writesAfterJoin; n++) {
                        write(a, written, 2 * ++k + id);
                    }
                    writersLeft.decrementAndGet();
                } else {
                    await(readersGo);
                    int n = 0;
                    while (writersLeft.get() > 0 || n < 100) {
                        int dv = switch (n++ % 3) {
                            case 0 -> d.get();
                            case 1 -> d.peek();
                            default -> untracked(d::get);
                        };
                        checkDiamond("reader " + id, dv, check.get(), written, violations);
                    }
                }
                return null;
            }));
        }
        try {
            writersGo.countDown();
            assertThat(d.get()).as("d joining b's and c's graphs").isZero();
            assertThat(check.get()).isZero();
            bReadsA.set(true);   // b's and c's graph joins a's, while a is being written
            cReadsA.set(true);
            AtomicInteger dRuns = new AtomicInteger();
            track(effect("eD", () -> {
                dRuns.incrementAndGet();
                checkDiamond("effect", d.get(), check.get(), written, violations);
            }));
            joined.set(true);
            readersGo.countDown();
            StressFixture.finish(pool, futures);
        } finally {
            joined.set(true);
            writersGo.countDown();
            readersGo.countDown();
        }

        assertThat(violations).as("inconsistent reads of the diamond").isEmpty();
        int finalA = a.peek();
        assertThat(d.get()).isEqualTo(5 * finalA);
        assertThat(check.get()).isZero();
        assertThat(lastA).hasValue(finalA + 1);
        assertThat(lastB).hasValue(2 * finalA);
        assertThat(lastC).hasValue(3 * finalA);
        assertThat(fixture.effectErrors).isEmpty();
    }

    private static void write(Signal<Integer> a, Set<Integer> written, int value) {
        written.add(value); // recorded before it can be read
        a.set(value);
    }

    private static void checkDiamond(String who, int dv, int checkValue, Set<Integer> written,
            List<String> violations) {
        if (dv % 5 != 0 || !written.contains(dv / 5)) {
            violations.add(who + " saw d = " + dv + ", which is not 5 * a written value");
        }
        if (checkValue != 0) {
            violations.add(who + " saw d - b - c = " + checkValue);
        }
    }

    // ================================================================ helpers

    /** Parks a thread inside user code until the test opens it; the park itself is bounded. */
    private static final class Gate {
        private final CountDownLatch parked = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);
        private volatile Thread parkedThread;

        void park() {
            parkedThread = Thread.currentThread();
            parked.countDown();
            await(opened);
        }

        void awaitParked() {
            await(parked);
        }

        Thread parkedThread() {
            return parkedThread;
        }

        void open() {
            opened.countDown();
        }
    }

    private static final Set<Thread.State> WAITING_STATES =
            EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED);

    /**
     * Waits until the worker has started and is waiting (parked on a lock). Only makes the "not done yet"
     * assertions that follow meaningful; they are correct whenever they run.
     */
    private static void awaitWaiting(AtomicReference<Thread> worker) {
        Awaitility.await("the worker waits").atMost(Duration.ofSeconds(WAIT_SECONDS))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> worker.get() != null && WAITING_STATES.contains(worker.get().getState()));
    }

    /** The task's result; fails if it does not finish in time (no deadlock), rethrows its failure. */
    private static <T> T join(Future<T> future) throws Exception {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("a task did not finish within " + WAIT_SECONDS + " s (deadlock?)\n"
                    + dumpTestThreads());
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    private static Exception rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error err) {
            throw err;
        }
        return cause instanceof Exception ex ? ex : e;
    }

    /** Waits (bounded) for tasks to end after the gate opened, ignoring how; the test's own failure wins. */
    private static void settle(Future<?>... futures) {
        for (Future<?> f : futures) {
            if (f == null) {
                continue;
            }
            try {
                f.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // reported by join() when the test gets that far
            }
        }
    }

    private static String describe(Thread t) {
        if (t == null) {
            return "(not started)\n";
        }
        StringBuilder out = new StringBuilder(t.getName()).append(' ').append(t.getState()).append('\n');
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 14); i++) {
            out.append("    at ").append(stack[i]).append('\n');
        }
        return out.toString();
    }

    private static String dumpTestThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("stress-"))
                .forEach(t -> dump.append(describe(t)));
        return dump.toString();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("latch released in time").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
