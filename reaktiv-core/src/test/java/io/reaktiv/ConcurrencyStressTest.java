package io.reaktiv;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static io.reaktiv.Reaktiv.untracked;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Multi-threaded stress tests with exact expected outcomes. Every wait is bounded (latches, barriers and
 * executor termination with timeouts), threads are daemons, and nothing sleeps to wait for asynchronous work.
 */
class ConcurrencyStressTest {

    /** Upper bound for any single wait; far above what a healthy run needs. */
    private static final long TIMEOUT_SECONDS = 20;

    @RegisterExtension
    final StressFixture fixture = new StressFixture();
    private final List<Throwable> effectErrors = fixture.effectErrors;

    // ================================================================ update is atomic

    @RepeatedTest(5)
    void concurrentUpdatesNeverLoseAnIncrement() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        Signal<Integer> counter = signal(0);

        fixture.runConcurrently(threads, i -> {
            for (int k = 0; k < perThread; k++) {
                counter.update(x -> x + 1);
            }
        });

        assertThat(counter.peek()).isEqualTo(threads * perThread);
    }

    @RepeatedTest(5)
    void anEffectOnAConcurrentlyUpdatedCounterEndsWithTheFinalValue() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        Signal<Integer> counter = signal(0);
        AtomicInteger lastSeen = new AtomicInteger(-1);
        Effect effect = effect(() -> lastSeen.set(counter.get()));
        try {
            fixture.runConcurrently(threads, i -> {
                for (int k = 0; k < perThread; k++) {
                    counter.update(x -> x + 1);
                }
            });

            assertThat(counter.peek()).isEqualTo(threads * perThread);
            assertThat(lastSeen.get()).as("the value the effect saw last (no lost notification)")
                    .isEqualTo(threads * perThread);
            assertThat(effectErrors).as("errors reported by effects").isEmpty();
        } finally {
            effect.dispose();
        }
    }

    // ================================================================ a stale computed is computed once

    @RepeatedTest(5)
    void anUnwatchedStaleComputedReadByManyThreadsAtOnceComputesOncePerChange() throws Exception {
        staleComputedReadConcurrently(false);
    }

    @RepeatedTest(5)
    void aWatchedStaleComputedReadByManyThreadsAtOnceComputesOncePerChange() throws Exception {
        staleComputedReadConcurrently(true);
    }

    /**
     * Each round the test thread writes the source, then all readers read right away (barrier), half of them
     * the computed, half a computed on top of it. Watched: an effect depends on the top computed, and the write
     * is held in a batch on the writing thread while the readers read, so the readers find it stale.
     */
    private void staleComputedReadConcurrently(boolean watched) throws Exception {
        int readers = 4;
        int rounds = 500;
        Signal<Integer> source = signal(0);
        AtomicInteger innerRuns = new AtomicInteger();
        AtomicInteger outerRuns = new AtomicInteger();
        Computed<Integer> inner = computed(() -> {
            innerRuns.incrementAndGet();
            int v = source.get();
            for (int i = 0; i < 200; i++) {
                Thread.onSpinWait(); // widen the window in which other readers arrive
            }
            return v * 2;
        });
        Computed<Integer> outer = computed(() -> {
            outerRuns.incrementAndGet();
            return inner.get() + 1;
        });
        AtomicInteger effectSaw = new AtomicInteger(-1);
        Effect effect = watched ? effect(() -> effectSaw.set(outer.get())) : null;
        int initialRuns = watched ? 1 : 0;
        assertThat(innerRuns.get()).isEqualTo(initialRuns);

        CyclicBarrier start = new CyclicBarrier(readers + 1);
        CyclicBarrier end = new CyclicBarrier(readers + 1);
        ExecutorService pool = fixture.daemonPool(readers);
        List<Future<?>> futures = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int reader = r;
            futures.add(pool.submit(() -> {
                for (int round = 1; round <= rounds; round++) {
                    StressFixture.await(start);
                    if ((reader + round) % 2 == 0) {
                        assertThat(reader % 4 < 2 ? inner.get() : inner.peek()).isEqualTo(round * 2);
                    } else {
                        assertThat(reader % 4 < 2 ? outer.get() : untracked(outer::get)).isEqualTo(round * 2 + 1);
                    }
                    StressFixture.await(end);
                }
                return null;
            }));
        }
        boolean completed = false;
        try {
            for (int round = 1; round <= rounds; round++) {
                int r = round;
                Runnable readPhase = () -> {
                    source.set(r);
                    StressFixture.await(start);
                    StressFixture.await(end);
                };
                if (watched) {
                    batch(readPhase);
                    assertThat(effectSaw.get()).isEqualTo(2 * r + 1);
                } else {
                    readPhase.run();
                }
                assertThat(innerRuns.get()).as("runs of the inner function after round %d", r)
                        .isEqualTo(initialRuns + r);
                assertThat(outerRuns.get()).as("runs of the outer function after round %d", r)
                        .isEqualTo(initialRuns + r);
            }
            completed = true;
        } finally {
            if (!completed) {
                // Let the readers fail fast instead of waiting at a barrier; the original failure propagates.
                start.reset();
                end.reset();
                pool.shutdownNow();
            }
            if (effect != null) {
                effect.dispose();
            }
        }
        StressFixture.finish(pool, futures);
        assertThat(effectErrors).isEmpty();
    }

    // ================================================================ effects never run concurrently with themselves

    @RepeatedTest(5)
    void anEffectNeverRunsConcurrentlyWithItselfAndEndsWithTheFinalValues() throws Exception {
        int threads = 4;
        int perThread = 10_000;
        Signal<Integer> x = signal(0);
        Signal<Integer> y = signal(0);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicReference<List<Integer>> lastSeen = new AtomicReference<>();
        Effect effect = effect(() -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                int xv = x.get();
                for (int i = 0; i < 100; i++) {
                    Thread.onSpinWait();
                }
                int yv = y.get();
                lastSeen.set(List.of(xv, yv));
            } finally {
                inside.decrementAndGet();
            }
        });
        try {
            fixture.runConcurrently(threads, i -> {
                for (int k = 0; k < perThread; k++) {
                    if ((i + k) % 2 == 0) {
                        x.update(v -> v + 1);
                    } else {
                        y.update(v -> v + 1);
                    }
                }
            });

            int total = threads * perThread / 2;
            assertThat(List.of(x.peek(), y.peek())).isEqualTo(List.of(total, total));
            assertThat(maxInside.get()).as("most runs of the effect at the same time").isEqualTo(1);
            assertThat(lastSeen.get()).as("what the effect saw last, once all writes are done")
                    .isEqualTo(List.of(total, total));
            assertThat(effectErrors).as("errors reported by effects").isEmpty();
        } finally {
            effect.dispose();
        }
    }

    /**
     * Deterministic version of the storm above: another thread writes the signal once during every run of the
     * effect (a handshake from inside the body), 150 times. Each write finds the effect running, so the running
     * thread must run it again; in the end it must have seen the last value, and nothing is a "cycle": the
     * effect writes nothing.
     */
    @Test
    void anEffectKeepsUpWithWritesFromAnotherThreadThatArriveDuringEachOfItsRuns() throws Exception {
        int writes = 150;
        Signal<Integer> x = signal(0);
        AtomicInteger lastSeen = new AtomicInteger(-1);
        AtomicInteger runs = new AtomicInteger();
        SynchronousQueue<Integer> go = new SynchronousQueue<>();
        SynchronousQueue<Boolean> written = new SynchronousQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread testThread = Thread.currentThread();

        ExecutorService pool = fixture.daemonPool(1);
        Future<?> writer = pool.submit(() -> {
            while (!stop.get()) {
                Integer v = go.poll(10, TimeUnit.MILLISECONDS);
                if (v != null) {
                    x.set(v + 1); // the effect is running on the test thread: this only notifies it
                    written.put(true);
                }
            }
            return null;
        });
        Effect effect = effect(() -> {
            runs.incrementAndGet();
            int v = x.get();
            lastSeen.set(v);
            if (Thread.currentThread() == testThread && v < writes) {
                try {
                    assertThat(go.offer(v, TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
                    assertThat(written.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        });
        stop.set(true);
        StressFixture.finish(pool, List.of(writer));
        try {
            assertThat(lastSeen.get()).as("the value the effect saw last vs. the signal's value")
                    .isEqualTo(x.peek());
            assertThat(effectErrors).as("errors reported by effects").isEmpty();
            assertThat(x.peek()).isEqualTo(writes);
            assertThat(runs.get()).isEqualTo(writes + 1);
        } finally {
            effect.dispose();
        }
    }

    // ================================================================ batches are per thread

    @RepeatedTest(5)
    void aBatchDefersOnlyTheEffectsOfItsOwnThread() throws Exception {
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        List<String> aRuns = new CopyOnWriteArrayList<>();
        List<String> bRuns = new CopyOnWriteArrayList<>();
        Effect onA = effect(() -> aRuns.add(a.get() + "@" + Thread.currentThread().getName()));
        Effect onB = effect(() -> bRuns.add(b.get() + "@" + Thread.currentThread().getName()));
        String main = Thread.currentThread().getName();
        assertThat(aRuns).containsExactly("0@" + main);
        assertThat(bRuns).containsExactly("0@" + main);

        CountDownLatch aWritten = new CountDownLatch(1);
        CountDownLatch bChecked = new CountDownLatch(1);
        AtomicBoolean batchOpen = new AtomicBoolean();
        ExecutorService pool = fixture.daemonPool(2);
        Future<String> threadA = pool.submit(() -> {
            batch(() -> {
                a.set(1);
                batchOpen.set(true);
                aWritten.countDown();
                await(bChecked);
                assertThat(aRuns).as("a's effect inside A's batch").hasSize(1);
                batchOpen.set(false);
            });
            return Thread.currentThread().getName();
        });
        Future<String> threadB = pool.submit(() -> {
            await(aWritten);
            b.set(1);
            // b's effect ran on this thread, during this write, while A's batch is still open.
            assertThat(batchOpen.get()).isTrue();
            assertThat(bRuns).containsExactly("0@" + main, "1@" + Thread.currentThread().getName());
            assertThat(aRuns).as("a's effect while A's batch is open").hasSize(1);
            bChecked.countDown();
            return Thread.currentThread().getName();
        });
        StressFixture.finish(pool, List.of(threadA, threadB));
        try {
            assertThat(aRuns).as("a's effect runs once, on A, when A's batch ends")
                    .containsExactly("0@" + main, "1@" + threadA.get());
            assertThat(bRuns).containsExactly("0@" + main, "1@" + threadB.get());
            assertThat(effectErrors).isEmpty();
        } finally {
            onA.dispose();
            onB.dispose();
        }
    }

    /**
     * Threads find their engine state through a small table indexed by thread id before the thread-local, and
     * the slots of ended threads are handed on. 400 short-lived threads, 80 at a time (more than the table has
     * slots, so live threads share slots), all inside their own open batch at once: each thread's effect is
     * deferred by its own batch only and runs on that thread when the batch ends, so no thread ever works with
     * another one's state.
     */
    @RepeatedTest(3)
    void manyShortLivedThreadsEachKeepTheirOwnBatch() throws Exception {
        int threads = 80;
        for (int round = 0; round < 5; round++) {
            List<Signal<Integer>> signals = new ArrayList<>();
            List<List<String>> runs = new ArrayList<>();
            List<Effect> effects = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Signal<Integer> s = signal(0);
                List<String> seen = new CopyOnWriteArrayList<>();
                signals.add(s);
                runs.add(seen);
                effects.add(effect(() -> seen.add(s.get() + "@" + Thread.currentThread().getName())));
            }
            String main = Thread.currentThread().getName();
            CyclicBarrier allInsideTheirBatch = new CyclicBarrier(threads);
            try {
                fixture.runConcurrently(threads, i -> {
                    String me = Thread.currentThread().getName();
                    batch(() -> {
                        signals.get(i).set(1);
                        StressFixture.await(allInsideTheirBatch);
                        assertThat(runs.get(i)).as("inside the batch of " + me).containsExactly("0@" + main);
                    });
                    assertThat(runs.get(i)).containsExactly("0@" + main, "1@" + me);
                });
            } finally {
                effects.forEach(Effect::dispose);
            }
        }
        assertThat(effectErrors).isEmpty();
    }

    // ================================================================ no deadlock

    /**
     * e1 reads x and writes y, e2 reads y and writes z, e3 reads z and w and writes sum; e4 reads x and, once,
     * blocks inside its run until another thread has written x and w. Writers on three threads hammer x and w.
     */
    @RepeatedTest(5)
    void effectsReadingAndWritingOverlappingSignalsOnSeveralThreadsDoNotDeadlock() throws Exception {
        int perThread = 5_000;
        int extra = 5;
        Signal<Integer> x = signal(0);
        Signal<Integer> y = signal(0);
        Signal<Integer> z = signal(0);
        Signal<Integer> w = signal(0);
        Signal<Integer> sum = signal(0);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicBoolean blockedOnce = new AtomicBoolean();
        List<Effect> effects = List.of(
                effect(() -> y.set(x.get() * 10)),
                effect(() -> z.set(y.get() + 1)),
                effect(() -> sum.set(z.get() + w.get())),
                effect(() -> {
                    if (x.get() >= perThread / 2 && blockedOnce.compareAndSet(false, true)) {
                        blocked.countDown();
                        await(unblock);
                    }
                }));
        try {
            fixture.runConcurrently(4, i -> {
                if (i == 3) {
                    // Writes while e4 blocks on another thread, then lets it go.
                    await(blocked);
                    for (int k = 0; k < extra; k++) {
                        x.update(v -> v + 1);
                        w.update(v -> v + 1);
                    }
                    unblock.countDown();
                    return;
                }
                Signal<Integer> target = i == 2 ? w : x;
                for (int k = 0; k < perThread; k++) {
                    target.update(v -> v + 1);
                }
            });

            int xFinal = 2 * perThread + extra;
            int wFinal = perThread + extra;
            assertThat(x.peek()).isEqualTo(xFinal);
            assertThat(w.peek()).isEqualTo(wFinal);
            assertThat(y.peek()).isEqualTo(10 * xFinal);
            assertThat(z.peek()).isEqualTo(10 * xFinal + 1);
            assertThat(sum.peek()).isEqualTo(10 * xFinal + 1 + wFinal);
            assertThat(blockedOnce.get()).isTrue();
            assertThat(effectErrors).as("errors reported by effects").isEmpty();
        } finally {
            effects.forEach(Effect::dispose);
        }
    }

    // ================================================================ glitch-freedom

    @RepeatedTest(5)
    void diamondReadersNeverSeeAMixOfOldAndNewValuesUnwatched() throws Exception {
        diamond(false);
    }

    @RepeatedTest(5)
    void diamondReadersNeverSeeAMixOfOldAndNewValuesWatched() throws Exception {
        diamond(true);
    }

    /**
     * a -> b = 2a, c = 3a, d = b + c, and check = d - b - c (must always be 0). Two writers write distinct
     * values into a (each recorded before it is written); two readers read d and check, in various ways; when
     * watched, an effect reading d runs on the writer threads too. Every d seen must be 5 times a written value.
     */
    private void diamond(boolean watched) throws Exception {
        int writes = 20_000;
        Signal<Integer> a = signal(0);
        Computed<Integer> b = computed(() -> a.get() * 2);
        Computed<Integer> c = computed(() -> a.get() * 3);
        Computed<Integer> d = computed(() -> b.get() + c.get());
        Computed<Integer> check = computed(() -> d.get() - b.get() - c.get());
        Set<Integer> written = ConcurrentHashMap.newKeySet();
        written.add(0);
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicInteger effectRuns = new AtomicInteger();
        Effect effect = watched ? effect(() -> {
            effectRuns.incrementAndGet();
            checkDiamond("effect", d.get(), check.get(), written, violations);
        }) : null;
        AtomicInteger writersLeft = new AtomicInteger(2);
        try {
            fixture.runConcurrently(4, i -> {
                if (i < 2) {
                    for (int k = 1; k <= writes; k++) {
                        int v = (i + 1) * 1_000_000 + k;
                        written.add(v);
                        a.set(v);
                    }
                    writersLeft.decrementAndGet();
                } else {
                    int n = 0;
                    while (writersLeft.get() > 0 || n < 100) {
                        int dv;
                        switch (n++ % 3) {
                            case 0:
                                dv = d.get();
                                break;
                            case 1:
                                dv = d.peek();
                                break;
                            default:
                                dv = untracked(d::get);
                                break;
                        }
                        checkDiamond("reader " + i, dv, check.get(), written, violations);
                    }
                }
            });

            assertThat(violations).as("inconsistent diamond reads").isEmpty();
            assertThat(d.get()).isEqualTo(5 * a.peek());
            assertThat(effectErrors).isEmpty();
        } finally {
            if (effect != null) {
                effect.dispose();
            }
        }
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

    /**
     * One writer writes 1, 2, 3, ... and publishes each value once its write has returned. A reader that
     * knows a write completed must not get a d computed from an older value (reads are never older than a
     * completed write), and successive reads on one thread never go back in time.
     */
    @RepeatedTest(6)
    void diamondReadsAreNeverOlderThanACompletedWrite(RepetitionInfo repetition) throws Exception {
        int writes = 50_000;
        Signal<Integer> a = signal(0);
        Computed<Integer> b = computed(() -> a.get() * 2);
        Computed<Integer> c = computed(() -> a.get() * 3);
        Computed<Integer> d = computed(() -> b.get() + c.get());
        // Every other repetition d is watched (an effect recomputes it on the writer's thread).
        AtomicInteger sink = new AtomicInteger();
        Effect effect = repetition.getCurrentRepetition() % 2 == 0 ? effect(() -> sink.set(d.get())) : null;
        AtomicInteger completed = new AtomicInteger();
        List<String> violations = new CopyOnWriteArrayList<>();
        try {
            readersVersusOneWriter(writes, a, d, completed, violations);
        } finally {
            if (effect != null) {
                effect.dispose();
            }
        }
        assertThat(violations).isEmpty();
    }

    private void readersVersusOneWriter(int writes, Signal<Integer> a, Computed<Integer> d, AtomicInteger completed,
            List<String> violations) throws Exception {
        fixture.runConcurrently(3, i -> {
            if (i == 0) {
                for (int k = 1; k <= writes; k++) {
                    a.set(k);
                    completed.set(k);
                }
                return;
            }
            int previous = 0;
            while (true) {
                int floor = completed.get();
                int dv = i == 1 ? d.peek() : d.get();
                if (dv < 5 * floor) {
                    violations.add("read d = " + dv + " after the write of a = " + floor + " had completed");
                }
                if (dv < previous) {
                    violations.add("read d = " + dv + " after having read " + previous);
                }
                previous = dv;
                if (floor == writes) {
                    break;
                }
            }
        });
    }

    // ================================================================ helpers


    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("latch released in time").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
