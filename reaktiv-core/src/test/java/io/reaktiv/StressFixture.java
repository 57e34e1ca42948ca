package io.reaktiv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the stress tests share around each test: effect errors are collected instead of logged, so a test can
 * assert exactly which ones were reported; the thread pools a test made are stopped after it, whatever its outcome;
 * and the way the stress tests start threads together and wait for them, bounded, with the stacks of any that hang.
 * Register with {@code @RegisterExtension}.
 */
final class StressFixture implements BeforeEachCallback, AfterEachCallback {

    /** The errors the engine reported for effects during the current test, in order. */
    final List<Throwable> effectErrors = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    /** Registers a pool to be stopped ({@code shutdownNow}) after the test; returns it. */
    <E extends ExecutorService> E track(E pool) {
        pools.add(pool);
        return pool;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        effectErrors.clear();
        Reaktiv.setErrorHandler((effect, error) -> effectErrors.add(error));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Reaktiv.resetErrorHandler();
        pools.forEach(ExecutorService::shutdownNow);
        pools.clear();
    }

    /** How long a stress test's threads may take: far above what a healthy run needs, so a hang fails the test. */
    static final long TIMEOUT_SECONDS = 30;

    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    /** One of {@link #runConcurrently}'s tasks, told which one it is. */
    @FunctionalInterface
    interface IndexedTask {
        void run(int index) throws Exception;
    }

    /** A pool of daemon threads named {@code stress-N}, stopped after the test. */
    ExecutorService daemonPool(int threads) {
        return track(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "stress-" + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** Runs {@code threads} tasks on fresh daemon threads, released together; fails on timeout or error. */
    void runConcurrently(int threads, IndexedTask task) throws Exception {
        ExecutorService pool = daemonPool(threads);
        CyclicBarrier go = new CyclicBarrier(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            futures.add(pool.submit((Callable<Void>) () -> {
                await(go);
                task.run(index);
                return null;
            }));
        }
        finish(pool, futures);
    }

    /** Shuts the pool down, asserts every thread finished in time (no deadlock), rethrows task failures. */
    static void finish(ExecutorService pool, List<? extends Future<?>> futures) throws Exception {
        pool.shutdown();
        if (!pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            String dump = stressThreadStacks();
            pool.shutdownNow();
            throw new AssertionError("threads did not finish within " + TIMEOUT_SECONDS + " s (deadlock?)\n" + dump);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    /** The state and stack of every thread {@link #daemonPool} made, for a failure message. */
    static String stressThreadStacks() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("stress-")) {
                dump.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    dump.append("    at ").append(e).append('\n');
                }
            }
        });
        return dump.toString();
    }

    /** Waits at {@code barrier}, bounded. */
    static void await(CyclicBarrier barrier) {
        try {
            barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("barrier broken or timed out", e);
        }
    }
}
