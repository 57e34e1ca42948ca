package io.reaktiv;

import static io.reaktiv.Reaktiv.asyncEffect;
import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stress tests for effect scheduling and async effects: executor-scheduled effects under a write storm, async
 * effects whose stages another thread completes, {@code dispose()} racing writes and stage completion, and
 * {@link ExecutorEffectScheduler#shutdown} while writes continue. Every outcome asserted is exact; every wait
 * is bounded (latches, Awaitility, {@code awaitIdle}); nothing sleeps to wait. Stages are completed by a
 * scheduled executor after a random delay of a few microseconds.
 *
 * <p>The last tests are deterministic reproductions of interleavings the stress tests can only hit by chance.
 */
class AsyncEffectStressTest {

    /** Upper bound for any single wait; far above what a healthy run needs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    final StressFixture fixture = new StressFixture();
    private final List<Throwable> effectErrors = fixture.effectErrors;

    // ================================================================ helpers

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private ExecutorService pool(int threads, String prefix) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons(prefix));
        fixture.track(pool);
        return pool;
    }

    /**
     * Completes stages on its own threads after a random delay of 0-200 microseconds, counting the completions
     * it still owes so a test can tell when it has settled.
     */
    private final class Completer {
        final ScheduledExecutorService executor;
        final AtomicInteger outstanding = new AtomicInteger();

        Completer() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(2, daemons("completer"));
            e.setRemoveOnCancelPolicy(true);
            executor = e;
            fixture.track(e);
        }

        /** Runs {@code completion} later; it completes (or deliberately does not complete) a stage. */
        void later(Runnable completion) {
            outstanding.incrementAndGet();
            executor.schedule(() -> {
                try {
                    completion.run();
                } finally {
                    outstanding.decrementAndGet();
                }
            }, ThreadLocalRandom.current().nextInt(0, 200), TimeUnit.MICROSECONDS);
        }
    }

    /** A little CPU-bound jitter (no sleeping) so threads interleave differently from run to run. */
    private static void jitter(int maxSpins) {
        int spins = ThreadLocalRandom.current().nextInt(maxSpins + 1);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }

    private static void awaitLatch(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("latch released in time").isTrue();
    }

    private static void startAndJoin(ExecutorService writers, List<Runnable> tasks) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tasks.size());
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (Runnable task : tasks) {
            writers.execute(() -> {
                try {
                    start.await();
                    task.run();
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            });
        }
        start.countDown();
        awaitLatch(done);
        assertThat(failures).as("writer failures").isEmpty();
    }

    // ================================================================ 1. executor effect under a write storm

    /**
     * Four threads write two signals (two of them in batches); the effect runs on a two-thread executor. It must
     * never overlap with itself, each run must see values at least as new as the previous run, and once the
     * writers are done and the scheduler is idle its last run must have seen the final values.
     */
    @RepeatedTest(5)
    void anExecutorEffectUnderAWriteStormNeverOverlapsAndEndsWithTheFinalValues() throws Exception {
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(pool(2, "effects"));
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        Computed<Integer> sum = computed(() -> a.get() + b.get());

        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger regressions = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<int[]> last = new AtomicReference<>(new int[] {-1, -1, -1});
        Effect e = effect(EffectOptions.defaults().withScheduler(scheduler).withName("storm"), () -> {
            if (!inside.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            runs.incrementAndGet();
            int[] previous = last.get();
            int va = a.get();
            int vb = b.get();
            int vs = sum.get();
            if (va < previous[0] || vb < previous[1]) {
                regressions.incrementAndGet();
            }
            last.set(new int[] {va, vb, vs});
            jitter(50);
            inside.set(false);
        });

        int writes = 20_000; // per writer
        List<Runnable> tasks = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Signal<Integer> target = w % 2 == 0 ? a : b;
            boolean batched = w >= 2;
            tasks.add(() -> {
                if (batched) {
                    for (int i = 0; i < writes; i += 2) {
                        batch(() -> {
                            target.update(x -> x + 1);
                            target.update(x -> x + 1);
                        });
                    }
                } else {
                    for (int i = 0; i < writes; i++) {
                        target.update(x -> x + 1);
                    }
                }
            });
        }
        // The first run is scheduled, not immediate; the storm starts once it has begun, so every write lands
        // after it and at least one more run must follow (otherwise all writes could coalesce into the first).
        await().atMost(TIMEOUT).until(() -> runs.get() >= 1);
        startAndJoin(pool(4, "writer"), tasks);
        assertThat(scheduler.awaitIdle(TIMEOUT)).isTrue();

        assertThat(a.peek()).isEqualTo(2 * writes);
        assertThat(b.peek()).isEqualTo(2 * writes);
        assertThat(last.get()).containsExactly(2 * writes, 2 * writes, 4 * writes);
        assertThat(overlaps).hasValue(0);
        assertThat(regressions).hasValue(0);
        // A run may see the same values as the one before (it read a value whose version was not yet published,
        // which records the older version: one conservative extra run), so the count is bounded, not exact;
        // the graph counts exactly the runs the effect made.
        assertThat(runs.get()).isBetween(2, 1 + 4 * writes);
        assertThat(Reaktiv.graph().byId(((Node) e).id).orElseThrow().runs()).isEqualTo(runs.get());
        assertThat(effectErrors).isEmpty();

        // Settled: a further write causes exactly one more run, with that value.
        int runsBefore = runs.get();
        a.set(-5);
        assertThat(scheduler.awaitIdle(TIMEOUT)).isTrue();
        assertThat(runs).hasValue(runsBefore + 1);
        assertThat(last.get()).containsExactly(-5, 2 * writes, 2 * writes - 5);
        e.dispose();
        assertThat(effectErrors).isEmpty();
    }

    // ================================================================ 2. async effect under concurrent writes

    @RepeatedTest(5)
    void anAsyncEffectOnTheSynchronousSchedulerNeverHasTwoRunsInFlightAndSeesTheFinalValues() throws Exception {
        asyncEffectUnderConcurrentWrites(EffectScheduler.synchronous());
    }

    @RepeatedTest(5)
    void anAsyncEffectOnAnExecutorSchedulerNeverHasTwoRunsInFlightAndSeesTheFinalValues() throws Exception {
        asyncEffectUnderConcurrentWrites(EffectScheduler.executor(pool(2, "effects")));
    }

    /**
     * Three writers; the effect's stage is completed by another thread after a random delay (one run in eight
     * returns an already completed stage). "In flight" counts from the start of a run to just before its stage
     * is completed, so a run that starts before the previous stage completed shows as two in flight.
     */
    private void asyncEffectUnderConcurrentWrites(EffectScheduler scheduler) throws Exception {
        Completer completer = new Completer();
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger regressions = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger cleanupsRegistered = new AtomicInteger();
        AtomicInteger cleanupsRun = new AtomicInteger();
        AtomicReference<List<Integer>> lastSeen = new AtomicReference<>(List.of(-1, -1));

        Effect e = asyncEffect(EffectOptions.defaults().withScheduler(scheduler).withName("async"), onCleanup -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            int va = a.get();
            int vb = b.get();
            List<Integer> previous = lastSeen.get();
            if (va < previous.get(0) || vb < previous.get(1)) {
                regressions.incrementAndGet();
            }
            lastSeen.set(List.of(va, vb));
            cleanupsRegistered.incrementAndGet();
            onCleanup.accept(cleanupsRun::incrementAndGet);
            if (ThreadLocalRandom.current().nextInt(8) == 0) {
                inFlight.decrementAndGet();
                return CompletableFuture.completedFuture(va + vb);
            }
            CompletableFuture<Integer> stage = new CompletableFuture<>();
            completer.later(() -> {
                inFlight.decrementAndGet();
                stage.complete(va + vb);
            });
            return stage;
        });

        int writes = 10_000; // per writer
        List<Runnable> tasks = List.of(
                () -> {
                    for (int i = 0; i < writes; i++) {
                        a.update(x -> x + 1);
                    }
                },
                () -> {
                    for (int i = 0; i < writes; i++) {
                        b.update(x -> x + 1);
                    }
                },
                () -> {
                    for (int i = 0; i < writes; i += 2) {
                        batch(() -> {
                            a.update(x -> x + 1);
                            b.update(x -> x + 1);
                        });
                        jitter(20);
                    }
                });
        startAndJoin(pool(3, "writer"), tasks);
        List<Integer> expected = List.of(writes + writes / 2, writes + writes / 2);
        assertThat(List.of(a.peek(), b.peek())).isEqualTo(expected);

        await("the effect settles on the final values").atMost(TIMEOUT).pollInterval(Duration.ofMillis(2))
                .until(() -> lastSeen.get().equals(expected) && inFlight.get() == 0
                        && completer.outstanding.get() == 0);
        assertThat(scheduler.awaitIdle(TIMEOUT)).isTrue();

        assertThat(maxInFlight).hasValue(1);
        assertThat(regressions).hasValue(0);
        assertThat(lastSeen.get()).isEqualTo(expected);
        assertThat(cleanupsRun.get()).isEqualTo(cleanupsRegistered.get() - 1); // the last run's are pending
        assertThat(effectErrors).isEmpty();

        e.dispose();
        assertThat(cleanupsRun.get()).isEqualTo(cleanupsRegistered.get());
        assertThat(effectErrors).isEmpty();
    }

    // ================================================================ 3. dispose racing writes and completion

    @RepeatedTest(5)
    void disposeRacingWritesAndStageCompletionOnTheSynchronousScheduler() throws Exception {
        disposeRacingWritesAndStageCompletion(EffectScheduler.synchronous());
    }

    @RepeatedTest(5)
    void disposeRacingWritesAndStageCompletionOnAnExecutorScheduler() throws Exception {
        disposeRacingWritesAndStageCompletion(EffectScheduler.executor(pool(2, "effects")));
    }

    /** What one async effect of the dispose race did. */
    private static final class Tracked {
        final CountDownLatch startedEnough;
        final AtomicBoolean disposeReturned = new AtomicBoolean();
        final AtomicInteger runs = new AtomicInteger();
        /** Which runs (1-based) began after dispose returned, and on which thread. */
        final List<String> runsAfterDispose = new CopyOnWriteArrayList<>();
        final List<AtomicInteger> cleanupCounts = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Integer>> stages = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Integer>> completedByCompleter = new CopyOnWriteArrayList<>();
        Effect effect;

        Tracked(int runsBeforeDispose) {
            startedEnough = new CountDownLatch(runsBeforeDispose);
        }
    }

    /**
     * Thirty-two async effects read a signal two threads keep writing; their stages complete after a random
     * delay. The test disposes them one by one, each after a random number of runs plus jitter, so dispose
     * lands at random points: during a run, while a stage is in flight, while a stage completes, while the
     * next run is queued. Once dispose has returned the completer stops completing that effect's stages, so a
     * stage still pending afterwards would hang unless the engine cancelled it.
     *
     * <p>After everything settles, for every effect: at most one run began after dispose returned, the one
     * another thread had already claimed, and it was the last; every stage is done
     * and each one the completer did not complete was cancelled; every cleanup registered ran exactly once.
     */
    private void disposeRacingWritesAndStageCompletion(EffectScheduler scheduler) throws Exception {
        Completer completer = new Completer();
        Signal<Integer> s = signal(0);
        int effects = 32;
        List<Tracked> all = new ArrayList<>();
        for (int i = 0; i < effects; i++) {
            Tracked t = new Tracked(1 + ThreadLocalRandom.current().nextInt(4));
            all.add(t);
            t.effect = asyncEffect(EffectOptions.defaults().withScheduler(scheduler).withName("disposed-" + i),
                    onCleanup -> {
                        int run = t.runs.incrementAndGet();
                        if (t.disposeReturned.get()) {
                            t.runsAfterDispose.add(run + "@" + Thread.currentThread().getName());
                        }
                        int v = s.get();
                        AtomicInteger count = new AtomicInteger();
                        t.cleanupCounts.add(count);
                        onCleanup.accept(count::incrementAndGet);
                        CompletableFuture<Integer> stage = new CompletableFuture<>();
                        t.stages.add(stage);
                        completer.later(() -> {
                            jitter(30);
                            if (!t.disposeReturned.get() && stage.complete(v)) {
                                t.completedByCompleter.add(stage);
                            }
                        });
                        t.startedEnough.countDown();
                        return stage;
                    });
        }

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = pool(2, "writer");
        CountDownLatch writersDone = new CountDownLatch(2);
        for (int w = 0; w < 2; w++) {
            writers.execute(() -> {
                try {
                    while (!stop.get()) {
                        s.update(x -> x + 1);
                        jitter(100);
                    }
                } finally {
                    writersDone.countDown();
                }
            });
        }

        List<Tracked> order = new ArrayList<>(all);
        Collections.shuffle(order);
        for (Tracked t : order) {
            awaitLatch(t.startedEnough);
            jitter(2_000);
            t.effect.dispose();
            t.disposeReturned.set(true);
            assertThat(t.effect.isDisposed()).isTrue();
        }
        // Keep writing a little after the last dispose, then stop.
        int after = s.peek() + 200;
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(1)).until(() -> s.peek() >= after);
        stop.set(true);
        awaitLatch(writersDone);

        await("everything settles").atMost(TIMEOUT).pollInterval(Duration.ofMillis(2))
                .until(() -> completer.outstanding.get() == 0
                        && all.stream().allMatch(t -> t.stages.stream().allMatch(CompletableFuture::isDone)));
        assertThat(scheduler.awaitIdle(TIMEOUT)).isTrue();
        assertThat(completer.outstanding).hasValue(0);

        SoftAssertions soft = new SoftAssertions();
        for (Tracked t : all) {
            String name = t.effect.name();
            // Effect#dispose: a run another thread had already claimed may still begin after dispose returned
            // (dispose does not wait for it), but only that one, and it is the last.
            soft.assertThat(t.runsAfterDispose).as("%s: runs that began after dispose returned", name)
                    .hasSizeLessThanOrEqualTo(1);
            if (t.runsAfterDispose.size() == 1) {
                soft.assertThat(t.runsAfterDispose.get(0)).as("%s: a run after dispose is the last run", name)
                        .startsWith(t.runs.get() + "@");
            }
            soft.assertThat(t.stages).as("%s: one stage per run", name).hasSize(t.runs.get());
            for (CompletableFuture<Integer> stage : t.stages) {
                soft.assertThat(stage).as("%s: every stage ends", name).isDone();
                if (!t.completedByCompleter.contains(stage)) {
                    soft.assertThat(stage).as("%s: a stage left in flight by dispose is cancelled", name)
                            .isCancelled();
                }
            }
            soft.assertThat(t.cleanupCounts).as("%s: one cleanup per run", name).hasSize(t.runs.get());
            soft.assertThat(t.cleanupCounts).as("%s: every cleanup ran exactly once", name)
                    .allSatisfy(c -> assertThat(c).hasValue(1));
        }
        soft.assertThat(effectErrors).as("errors reported").isEmpty();
        soft.assertAll();
    }

    // ================================================================ 4. shutdown while writes continue

    /**
     * A sync-body effect and an async effect share an executor scheduler while two threads keep writing. The
     * scheduler is shut down mid-storm: {@code shutdown} must return true, with no run executing and no stage in
     * flight at that moment; no run may start after it returned (a sequence counter orders run starts against
     * the return); writes after it are rejected and reported as {@link RejectedExecutionException}, and nothing
     * else is reported.
     */
    @RepeatedTest(5)
    void shutdownWhileWritesContinueWaitsForRunsInFlightAndRejectsTheRest() throws Exception {
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(pool(2, "effects"));
        EffectOptions options = EffectOptions.defaults().withScheduler(scheduler);
        Completer completer = new Completer();
        Signal<Integer> s = signal(0);
        AtomicLong sequence = new AtomicLong();
        AtomicLong lastRunStart = new AtomicLong();
        AtomicInteger executing = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch syncRan = new CountDownLatch(3);
        CountDownLatch asyncRan = new CountDownLatch(3);

        Effect sync = effect(options.withName("sync"), () -> {
            executing.incrementAndGet();
            lastRunStart.accumulateAndGet(sequence.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            s.get();
            jitter(200);
            syncRan.countDown();
            executing.decrementAndGet();
        });
        Effect async = asyncEffect(options.withName("async"), () -> {
            executing.incrementAndGet();
            inFlight.incrementAndGet();
            lastRunStart.accumulateAndGet(sequence.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            int v = s.get();
            CompletableFuture<Integer> stage = new CompletableFuture<>();
            completer.later(() -> {
                inFlight.decrementAndGet();
                stage.complete(v);
            });
            asyncRan.countDown();
            executing.decrementAndGet();
            return stage;
        });

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        ExecutorService writers = pool(2, "writer");
        CountDownLatch writersDone = new CountDownLatch(2);
        for (int w = 0; w < 2; w++) {
            writers.execute(() -> {
                try {
                    while (!stop.get()) {
                        s.update(x -> x + 1);
                        writes.incrementAndGet();
                        jitter(100);
                    }
                } finally {
                    writersDone.countDown();
                }
            });
        }
        awaitLatch(syncRan);
        awaitLatch(asyncRan);
        assertThat(effectErrors).isEmpty();

        boolean finished = scheduler.shutdown(TIMEOUT);
        long shutdownReturned = sequence.incrementAndGet();
        int executingAtReturn = executing.get();
        int inFlightAtReturn = inFlight.get();
        int runsAtReturn = runs.get();

        long writesAtShutdown = writes.get();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(1)).until(() -> writes.get() >= writesAtShutdown + 200);
        stop.set(true);
        awaitLatch(writersDone);
        s.update(x -> x + 1); // both effects read s and are idle: each rejection is certain
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(2)).until(() -> completer.outstanding.get() == 0);

        assertThat(finished).isTrue();
        assertThat(scheduler.isShutdown()).isTrue();
        assertThat(executingAtReturn).as("runs executing when shutdown returned").isZero();
        assertThat(inFlightAtReturn).as("stages in flight when shutdown returned").isZero();
        assertThat(lastRunStart.get()).as("the last run started before shutdown returned")
                .isLessThan(shutdownReturned);
        assertThat(runs).as("runs after shutdown returned").hasValue(runsAtReturn);
        assertThat(scheduler.awaitIdle(TIMEOUT)).isTrue();
        // Each effect is reported once, as inactive, however many writes were rejected.
        assertThat(effectErrors).hasSize(2).allSatisfy(error -> assertThat(error)
                .isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(RejectedExecutionException.class));
        assertThat(sync.isDisposed()).isTrue();
        assertThat(async.isDisposed()).isTrue();
    }

    // ================================================================ deterministic reproductions

    /**
     * The interleaving behind a failure of the dispose race above, step by step: the stage completes while a
     * change is pending, so the next run is queued on the executor (the effect stays claimed); dispose() comes
     * before that queued run starts. Effect#dispose promises "it will not run again".
     */
    @Test
    void disposeBetweenAStageCompletingAndTheQueuedNextRunPreventsThatRun() {
        ManualExecutor executor = new ManualExecutor();
        EffectOptions options = EffectOptions.defaults().withScheduler(EffectScheduler.executor(executor));
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        AtomicInteger cleanups = new AtomicInteger();
        Effect e = asyncEffect(options, onCleanup -> {
            seen.add(s.get());
            onCleanup.accept(cleanups::incrementAndGet);
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        });
        executor.runAll();
        assertThat(seen).containsExactly(0);

        s.set(1); // due once the stage completes
        stages.get(0).complete(null); // the next run is queued on the executor
        e.dispose();
        executor.runAll();

        assertThat(seen).as("runs").containsExactly(0);
        assertThat(cleanups).hasValue(1);
        assertThat(effectErrors).isEmpty();
    }

    /**
     * dispose() lands between a stage completing (next run due, effect still claimed) and the scheduler
     * rejecting that next run, as when ExecutorEffectScheduler#shutdown races dispose. The scheduler here
     * performs the dispose inside execute() to make that interleaving deterministic. The cleanups of the last
     * run must still run once, and the effect must be unlinked from what it read.
     */
    @Test
    void disposeRacingARejectedNextRunStillRunsTheCleanupsOnce() {
        AtomicBoolean disposeThenReject = new AtomicBoolean();
        AtomicReference<Effect> self = new AtomicReference<>();
        ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        EffectScheduler scheduler = new EffectScheduler() {
            @Override
            public void execute(Runnable effectRun) {
                if (disposeThenReject.get()) {
                    self.get().dispose(); // "another thread" disposes just before the rejection
                    throw new RejectedExecutionException("shut down");
                }
                tasks.add(effectRun);
            }

            @Override
            public boolean awaitIdle(Duration timeout) {
                return tasks.isEmpty();
            }
        };
        Signal<Integer> s = signal(0);
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        AtomicInteger cleanups = new AtomicInteger();
        self.set(asyncEffect(EffectOptions.defaults().withScheduler(scheduler).withName("rejected"), onCleanup -> {
            s.get();
            onCleanup.accept(cleanups::incrementAndGet);
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        }));
        tasks.poll().run();
        assertThat(stages).hasSize(1);

        s.set(1);
        disposeThenReject.set(true);
        stages.get(0).complete(null);

        assertThat(self.get().isDisposed()).isTrue();
        assertThat(effectErrors).as("a rejected run of an effect disposed meanwhile is nothing to report").isEmpty();
        NodeSnapshot node = Reaktiv.graph().nodes().stream().filter(n -> "rejected".equals(n.name()))
                .findFirst().orElseThrow();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(cleanups).as("cleanups run").hasValue(1);
        soft.assertThat(node.dependencies()).as("dependencies of the disposed effect").isEmpty();
        soft.assertAll();
    }

    /**
     * A single thread (an event loop, say) writes what an async effect reads and later completes the effect's
     * stage; each completion starts the next run on that same thread. The effect never writes anything, so it
     * is not a cycle: every write must be seen, and nothing reported.
     */
    @Test
    void anAsyncEffectWhoseThreadWritesAndCompletesItsStagesIsNotStoppedAsACycle() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        asyncEffect(() -> {
            seen.add(s.get());
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        });
        int writes = EffectNode.MAX_EFFECT_RERUNS;
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i <= writes; i++) {
            expected.add(i);
        }
        for (int i = 1; i <= writes; i++) {
            s.set(i);
            stages.get(stages.size() - 1).complete(null);
        }

        assertThat(s.peek()).isEqualTo(writes);
        assertThat(seen.get(seen.size() - 1)).as("the value the last run saw").isEqualTo(writes);
        assertThat(seen).isEqualTo(expected);
        assertThat(effectErrors).isEmpty();
    }

    /**
     * An async effect that really does keep re-triggering itself (each run writes what it reads), with stages
     * completing later: like a sync effect it must be stopped and reported as a cycle.
     */
    @Test
    void anAsyncEffectThatKeepsRetriggeringItselfIsReportedAsACycle() {
        Signal<Integer> s = signal(0);
        AtomicInteger runs = new AtomicInteger();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        asyncEffect(() -> {
            runs.incrementAndGet();
            s.set(s.get() + 1);
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        });
        for (int i = 0; i < 3 * EffectNode.MAX_EFFECT_RERUNS && i < stages.size(); i++) {
            stages.get(i).complete(null);
        }

        assertThat(runs.get()).isLessThanOrEqualTo(EffectNode.MAX_EFFECT_RERUNS + 1);
        assertThat(effectErrors).singleElement().isInstanceOf(CycleDetectedException.class);
    }
}
