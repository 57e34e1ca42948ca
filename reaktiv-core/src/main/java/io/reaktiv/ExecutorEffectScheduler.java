package io.reaktiv;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs effects on an {@link Executor}, counting what it has queued, running and in flight so callers can
 * {@linkplain #awaitIdle wait for quiet} and {@linkplain #shutdown shut down gracefully}.
 *
 * <p>Thread-safe. It never shuts the executor down: whoever created the executor owns it.
 */
public final class ExecutorEffectScheduler implements EffectScheduler {

    private final Executor executor;
    /** Guards the counts and {@link #shutdown}; waiters wait on it. */
    private final Object monitor = new Object();
    /** Runs handed to the executor that have not started. */
    private int queued;
    /** Runs executing, plus async runs whose stage is in flight. */
    private int active;
    private boolean shutdown;

    ExecutorEffectScheduler(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void execute(Runnable effectRun) {
        Objects.requireNonNull(effectRun, "effectRun");
        synchronized (monitor) {
            if (shutdown) {
                throw new RejectedExecutionException("The effect scheduler was shut down; effect runs are no "
                        + "longer accepted");
            }
            queued++;
        }
        try {
            executor.execute(() -> {
                synchronized (monitor) {
                    queued--;
                    active++;
                }
                try {
                    effectRun.run();
                } finally {
                    runEnded();
                }
            });
        } catch (Throwable rejected) {
            synchronized (monitor) {
                queued--;
                monitor.notifyAll();
            }
            throw rejected;
        }
    }

    /** Counts the stage in flight as an active run: {@link #awaitIdle} waits for it. */
    @Override
    public void asyncRunStarted() {
        synchronized (monitor) {
            active++;
        }
    }

    /** The stage in flight completed. */
    @Override
    public void asyncRunEnded() {
        runEnded();
    }

    private void runEnded() {
        synchronized (monitor) {
            active--;
            if (queued + active == 0) {
                monitor.notifyAll();
            }
        }
    }

    /**
     * Returns how many effect runs were handed to the executor and have not started yet.
     *
     * @return the number of queued runs
     */
    public int queuedRuns() {
        synchronized (monitor) {
            return queued;
        }
    }

    /**
     * Returns how many effect runs are executing, counting async runs whose stage is still in flight.
     *
     * @return the number of active runs
     */
    public int activeRuns() {
        synchronized (monitor) {
            return active;
        }
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (queued + active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000), 0);
            }
            return true;
        }
    }

    /**
     * Stops accepting effect runs and waits for the queued, running and in-flight ones to finish. Effects
     * notified afterwards stay due and report a {@link RejectedExecutionException} to the error handler.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if everything finished in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean shutdown(Duration timeout) throws InterruptedException {
        synchronized (monitor) {
            shutdown = true;
        }
        return awaitIdle(timeout);
    }

    /** Whether the executor is an {@code ExecutorService} that was shut down: it will reject every run. */
    boolean executorIsShutdown() {
        return executor instanceof java.util.concurrent.ExecutorService service && service.isShutdown();
    }

    /**
     * Returns whether {@link #shutdown} was called.
     *
     * @return {@code true} once shut down
     */
    public boolean isShutdown() {
        synchronized (monitor) {
            return shutdown;
        }
    }

    @Override
    public String toString() {
        return "ExecutorEffectScheduler[" + executor + "]";
    }
}
