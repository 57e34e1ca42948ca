package io.reaktiv;

import static io.reaktiv.Reaktiv.asyncEffect;
import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private ExecutorService pool;

    @AfterEach
    void cleanUp() {
        Reaktiv.resetErrorHandler();
        Reaktiv.setDefaultScheduler(EffectScheduler.synchronous());
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorEffectNotifiedFiveTimesBeforeItRunsRunsOnceWithTheLatestValues() {
        ManualExecutor executor = new ManualExecutor();
        EffectOptions options = EffectOptions.defaults().withScheduler(EffectScheduler.executor(executor));
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(options, () -> seen.add(s.get()));
        assertThat(seen).isEmpty(); // the first run is scheduled, too
        executor.runAll();
        assertThat(seen).containsExactly(0);

        for (int i = 1; i <= 5; i++) {
            s.set(i);
        }
        assertThat(executor.tasks).hasSize(1);
        executor.runAll();
        assertThat(seen).containsExactly(0, 5);
    }

    @Test
    void runsHappenOnTheExecutorAndAwaitIdleWaitsForThem() throws InterruptedException {
        pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "effects-1"));
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(pool);
        Signal<String> s = signal("a");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        effect(EffectOptions.defaults().withScheduler(scheduler),
                () -> seen.add(s.get() + "@" + Thread.currentThread().getName()));
        s.set("b");
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).last().isEqualTo("b@effects-1");
        assertThat(seen).allMatch(v -> v.endsWith("@effects-1"));
    }

    @Test
    void awaitIdleReturnsFalseWhenWorkIsStillRunningAtTheTimeout() throws InterruptedException {
        pool = Executors.newSingleThreadExecutor();
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(pool);
        CountDownLatch release = new CountDownLatch(1);
        effect(EffectOptions.defaults().withScheduler(scheduler), () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(scheduler.awaitIdle(Duration.ofMillis(50))).isFalse();
        release.countDown();
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @RepeatedTest(5)
    void anExecutorEffectNeverRunsConcurrentlyWithItselfAndEndsWithTheFinalValues() throws Exception {
        pool = Executors.newFixedThreadPool(4);
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(pool);
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<String> last = Collections.synchronizedList(new ArrayList<>());
        effect(EffectOptions.defaults().withScheduler(scheduler), () -> {
            int now = inside.incrementAndGet();
            maxInside.accumulateAndGet(now, Math::max);
            last.add(a.get() + "," + b.get());
            inside.decrementAndGet();
        });
        int writers = 4;
        int writes = 2_000;
        ExecutorService writerPool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < writers; w++) {
            Signal<Integer> target = w % 2 == 0 ? a : b;
            writerPool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < writes; i++) {
                    target.update(x -> x + 1);
                }
            });
        }
        start.countDown();
        writerPool.shutdown();
        assertThat(writerPool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(maxInside).hasValue(1);
        assertThat(last.get(last.size() - 1)).isEqualTo((2 * writes) + "," + (2 * writes));
        assertThat(last.size()).isLessThanOrEqualTo(1 + 4 * writes);
    }

    @Test
    void aBatchDispatchesItsEffectsOnceWhenItEnds() {
        ManualExecutor executor = new ManualExecutor();
        EffectOptions options = EffectOptions.defaults().withScheduler(EffectScheduler.executor(executor));
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        List<String> seen = new ArrayList<>();
        effect(options, () -> seen.add(a.get() + "," + b.get()));
        executor.runAll();
        batch(() -> {
            a.set(1);
            b.set(2);
            assertThat(executor.tasks).isEmpty();
        });
        executor.runAll();
        assertThat(seen).containsExactly("0,0", "1,2");
    }

    @Test
    void theDefaultSchedulerAppliesToEffectsCreatedWithoutOne() {
        ManualExecutor executor = new ManualExecutor();
        Reaktiv.setDefaultScheduler(EffectScheduler.executor(executor));
        Signal<Integer> s = signal(7);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        Reaktiv.setDefaultScheduler(EffectScheduler.synchronous());
        effect(() -> seen.add(-s.get())); // synchronous again
        assertThat(seen).containsExactly(-7);
        executor.runAll();
        assertThat(seen).containsExactly(-7, 7);
    }

    @Test
    void afterShutdownNoNewRunsStartAndTheEffectIsReportedInactiveOnce() throws InterruptedException {
        Reaktiv.setErrorHandler((effect, error) -> errors.add(error));
        ManualExecutor executor = new ManualExecutor();
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(executor);
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        Effect late = effect(EffectOptions.defaults().withScheduler(scheduler).withName("late"),
                () -> seen.add(s.get()));
        executor.runAll();
        assertThat(scheduler.shutdown(Duration.ofSeconds(1))).isTrue();
        assertThat(scheduler.isShutdown()).isTrue();

        for (int i = 1; i <= 1000; i++) {
            s.set(i);
        }
        executor.runAll();

        assertThat(seen).containsExactly(0);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Effect 'late' is now inactive (disposed): its scheduler " + scheduler + " was shut down "
                        + "and accepts no more runs. Create effects on a running scheduler, or dispose them before "
                        + "shutting it down.")
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(late.isDisposed()).isTrue();
        NodeSnapshot node = Reaktiv.graph().find("late").orElseThrow();
        assertThat(node.disposed()).isTrue();
        assertThat(node.errors()).isEqualTo(1);
        assertThat(node.dependencies()).isEmpty();
    }

    @Test
    void shutdownWaitsForRunsInProgress() throws Exception {
        pool = Executors.newSingleThreadExecutor();
        ExecutorEffectScheduler scheduler = EffectScheduler.executor(pool);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        effect(EffectOptions.defaults().withScheduler(scheduler), () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.shutdown(Duration.ofMillis(20))).isFalse();
        release.countDown();
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(finished).hasValue(1);
    }

    @Test
    void aUserWrittenSchedulerIsToldWhenAsyncRunsGoInFlightAndEnd() {
        List<String> events = new ArrayList<>();
        EffectScheduler scheduler = new EffectScheduler() {
            @Override
            public void execute(Runnable effectRun) {
                events.add("execute");
                effectRun.run();
            }

            @Override
            public boolean awaitIdle(Duration timeout) {
                return true;
            }

            @Override
            public void asyncRunStarted() {
                events.add("started");
            }

            @Override
            public void asyncRunEnded() {
                events.add("ended");
            }
        };
        Signal<Integer> s = signal(0);
        List<java.util.concurrent.CompletableFuture<Void>> stages = new ArrayList<>();
        Effect e = asyncEffect(EffectOptions.defaults().withScheduler(scheduler), () -> {
            s.get();
            java.util.concurrent.CompletableFuture<Void> stage = new java.util.concurrent.CompletableFuture<>();
            stages.add(stage);
            return stage;
        });
        assertThat(events).containsExactly("execute", "started");
        s.set(1); // pending: one more run once the stage completes
        stages.get(0).complete(null);
        assertThat(events).containsExactly("execute", "started", "execute", "started", "ended");
        e.dispose(); // cancels the second stage
        assertThat(events).containsExactly("execute", "started", "execute", "started", "ended", "ended");
    }

    @Test
    void aSchedulerThrowingFromItsInFlightCallbacksDoesNotWedgeTheAsyncEffect() {
        EffectScheduler scheduler = new EffectScheduler() {
            @Override
            public void execute(Runnable effectRun) {
                effectRun.run();
            }

            @Override
            public boolean awaitIdle(Duration timeout) {
                return true;
            }

            @Override
            public void asyncRunStarted() {
                throw new AssertionError("scheduler bug on start");
            }

            @Override
            public void asyncRunEnded() {
                throw new AssertionError("scheduler bug on end");
            }
        };
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<Void>> stages = new ArrayList<>();
        Effect e = asyncEffect(EffectOptions.defaults().withScheduler(scheduler), () -> {
            seen.add(s.get());
            java.util.concurrent.CompletableFuture<Void> stage = new java.util.concurrent.CompletableFuture<>();
            stages.add(stage);
            return stage;
        });
        s.set(1);
        stages.get(0).complete(null);
        stages.get(1).complete(null);
        s.set(2);
        assertThat(seen).containsExactly(0, 1, 2);
        e.dispose();
        assertThat(stages.get(2)).isCancelled();
    }
}
