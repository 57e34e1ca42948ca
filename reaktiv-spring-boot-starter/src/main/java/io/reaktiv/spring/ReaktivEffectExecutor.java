package io.reaktiv.spring;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.system.JavaVersion;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads of one context's effect scheduler: a fixed pool of platform threads or a virtual thread per run,
 * named {@code reaktiv-1}, {@code reaktiv-2}, ... It deliberately does not implement
 * {@link java.util.concurrent.Executor}: beans of that type are what Spring Boot and applications look up for
 * {@code @Async}, MVC async handling and executor metrics, and reaktiv's must never be picked up as the
 * application's executor (nor may an application's {@code Executor} bean replace reaktiv's). Shut down by
 * {@link ReaktivLifecycle} after the scheduler was drained.
 */
public final class ReaktivEffectExecutor {

    private static final long KEEP_ALIVE_SECONDS = 60;

    private final ExecutorService executor;
    private final boolean virtualThreads;

    private ReaktivEffectExecutor(ExecutorService executor, boolean virtualThreads) {
        this.executor = executor;
        this.virtualThreads = virtualThreads;
    }

    /**
     * Creates a pool of platform threads; idle threads end after a minute.
     *
     * @param poolSize the number of threads; at least 1
     * @param threadNamePrefix the thread name prefix, such as {@code reaktiv-}
     * @return the executor
     * @throws IllegalArgumentException if the pool size is below 1
     */
    public static ReaktivEffectExecutor platformThreads(int poolSize, String threadNamePrefix) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("reaktiv.scheduler.pool-size must be at least 1; got " + poolSize);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(poolSize, poolSize, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new CustomizableThreadFactory(threadNamePrefix));
        pool.allowCoreThreadTimeOut(true);
        return new ReaktivEffectExecutor(pool, false);
    }

    /**
     * Creates an executor that starts a virtual thread per effect run.
     *
     * @param threadNamePrefix the thread name prefix, such as {@code reaktiv-}
     * @return the executor
     * @throws IllegalStateException on Java before 21, naming the Java version found
     */
    public static ReaktivEffectExecutor virtualThreads(String threadNamePrefix) {
        if (!JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE)) {
            throw new IllegalStateException("reaktiv.scheduler.virtual-threads=true needs Java 21 or later; this "
                    + "application runs on Java " + System.getProperty("java.specification.version")
                    + ". Remove the property or run on Java 21+.");
        }
        return new ReaktivEffectExecutor(newThreadPerTaskExecutor(virtualThreadFactory(threadNamePrefix)), true);
    }

    /** {@code Thread.ofVirtual().name(prefix, 1).factory()}, called reflectively: this jar targets Java 17. */
    private static ThreadFactory virtualThreadFactory(String prefix) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create virtual threads on this JVM", e);
        }
    }

    private static ExecutorService newThreadPerTaskExecutor(ThreadFactory factory) {
        try {
            Method method = java.util.concurrent.Executors.class.getMethod("newThreadPerTaskExecutor",
                    ThreadFactory.class);
            return (ExecutorService) method.invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create a virtual thread executor on this JVM", e);
        }
    }

    /**
     * Runs a task on one of this executor's threads.
     *
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException once shut down
     */
    public void execute(Runnable task) {
        executor.execute(Objects.requireNonNull(task, "task"));
    }

    /**
     * Returns whether this executor starts virtual threads.
     *
     * @return {@code true} for virtual threads, {@code false} for a pool of platform threads
     */
    public boolean isVirtualThreads() {
        return virtualThreads;
    }

    /**
     * Returns the number of platform threads, or 0 for virtual threads.
     *
     * @return the pool size
     */
    public int poolSize() {
        return executor instanceof ThreadPoolExecutor pool ? pool.getMaximumPoolSize() : 0;
    }

    /** Stops accepting tasks; tasks already queued still run. */
    public void shutdown() {
        executor.shutdown();
    }

    /**
     * Stops accepting tasks, drops the queued ones and interrupts the running ones.
     *
     * @return the tasks that never started
     */
    public List<Runnable> shutdownNow() {
        return executor.shutdownNow();
    }

    /**
     * Waits for the threads to finish after a shutdown.
     *
     * @param timeout how long to wait at most
     * @return whether every task finished in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Returns whether {@link #shutdown()} or {@link #shutdownNow()} was called.
     *
     * @return {@code true} once shut down
     */
    public boolean isShutdown() {
        return executor.isShutdown();
    }

    @Override
    public String toString() {
        return "ReaktivEffectExecutor[" + (virtualThreads ? "virtual threads" : poolSize() + " platform threads")
                + "]";
    }
}
