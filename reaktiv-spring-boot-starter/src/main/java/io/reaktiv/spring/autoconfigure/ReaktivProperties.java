package io.reaktiv.spring.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of reaktiv, under {@code reaktiv.*}.
 */
@ConfigurationProperties("reaktiv")
public class ReaktivProperties {

    /**
     * Whether the reaktiv starter is enabled: its scheduler, @ReactiveEffect methods, graph names, actuator
     * endpoint, health indicator and meters.
     */
    private boolean enabled = true;

    private final Scheduler scheduler = new Scheduler();

    private final Shutdown shutdown = new Shutdown();

    private final Metrics metrics = new Metrics();

    /**
     * Creates the properties with their defaults.
     */
    public ReaktivProperties() {
    }

    /**
     * Returns whether the starter is enabled.
     *
     * @return {@code true} unless switched off
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether the starter is enabled.
     *
     * @param enabled {@code false} to switch it off
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the scheduler settings.
     *
     * @return the scheduler settings
     */
    public Scheduler getScheduler() {
        return scheduler;
    }

    /**
     * Returns the shutdown settings.
     *
     * @return the shutdown settings
     */
    public Shutdown getShutdown() {
        return shutdown;
    }

    /**
     * Returns the metrics settings.
     *
     * @return the metrics settings
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /** Where effects run. */
    public static class Scheduler {

        /**
         * Where the effects of @ReactiveEffect methods run: 'executor' on the context's own threads, 'inline'
         * on the thread that wrote what they read.
         */
        private Mode mode = Mode.EXECUTOR;

        /**
         * Number of platform threads running effects. Defaults to the number of available processors. Ignored
         * with virtual threads.
         */
        private @Nullable Integer poolSize;

        /**
         * Prefix of the names of the threads running effects, also for virtual threads.
         */
        private String threadNamePrefix = "reaktiv-";

        /**
         * Whether effects run on virtual threads (Java 21+). Defaults to the value of
         * 'spring.threads.virtual.enabled' on Java 21+, and to false on Java 17. Setting it to true on Java 17
         * fails the startup.
         */
        private @Nullable Boolean virtualThreads;

        /**
         * Creates the settings with their defaults.
         */
        public Scheduler() {
        }

        /**
         * Returns the scheduler mode.
         *
         * @return the mode
         */
        public Mode getMode() {
            return mode;
        }

        /**
         * Sets the scheduler mode.
         *
         * @param mode the mode
         */
        public void setMode(Mode mode) {
            this.mode = mode;
        }

        /**
         * Returns the configured pool size.
         *
         * @return the pool size, or {@code null} for the number of available processors
         */
        public @Nullable Integer getPoolSize() {
            return poolSize;
        }

        /**
         * Sets the pool size.
         *
         * @param poolSize the number of platform threads, or {@code null} for the default
         * @throws IllegalArgumentException if below 1
         */
        public void setPoolSize(@Nullable Integer poolSize) {
            if (poolSize != null && poolSize < 1) {
                throw new IllegalArgumentException("reaktiv.scheduler.pool-size must be at least 1; got " + poolSize);
            }
            this.poolSize = poolSize;
        }

        /**
         * Returns the thread name prefix.
         *
         * @return the prefix
         */
        public String getThreadNamePrefix() {
            return threadNamePrefix;
        }

        /**
         * Sets the thread name prefix.
         *
         * @param threadNamePrefix the prefix
         */
        public void setThreadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = threadNamePrefix;
        }

        /**
         * Returns whether virtual threads were asked for explicitly.
         *
         * @return {@code true} or {@code false} if set, {@code null} to follow
         *     {@code spring.threads.virtual.enabled}
         */
        public @Nullable Boolean getVirtualThreads() {
            return virtualThreads;
        }

        /**
         * Sets whether effects run on virtual threads.
         *
         * @param virtualThreads {@code true}, {@code false}, or {@code null} for the default
         */
        public void setVirtualThreads(@Nullable Boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
        }

        /** Where effects run. */
        public enum Mode {
            /** On a context-owned executor, coalescing notifications. */
            EXECUTOR,
            /** On the thread whose write (or outermost batch) notified the effect, right after it. */
            INLINE
        }
    }

    /** How the context shuts its effects down. */
    public static class Shutdown {

        /**
         * Maximum time the context's shutdown waits for effect runs in flight (after disposing every effect)
         * before it stops their threads and destroys the beans.
         */
        private Duration awaitTerminationPeriod = Duration.ofSeconds(30);

        /**
         * Creates the settings with their defaults.
         */
        public Shutdown() {
        }

        /**
         * Returns the await-termination period.
         *
         * @return the period
         */
        public Duration getAwaitTerminationPeriod() {
            return awaitTerminationPeriod;
        }

        /**
         * Sets the await-termination period.
         *
         * @param awaitTerminationPeriod the period; not negative
         * @throws IllegalArgumentException if negative
         */
        public void setAwaitTerminationPeriod(Duration awaitTerminationPeriod) {
            if (awaitTerminationPeriod.isNegative()) {
                throw new IllegalArgumentException("reaktiv.shutdown.await-termination-period must not be negative; "
                        + "got " + awaitTerminationPeriod);
            }
            this.awaitTerminationPeriod = awaitTerminationPeriod;
        }
    }

    /** What reaktiv publishes to Micrometer. */
    public static class Metrics {

        /**
         * Whether reaktiv's meters (reaktiv.signal.writes, reaktiv.computed.recomputes, reaktiv.effect.runs,
         * reaktiv.effect.errors, reaktiv.effect, reaktiv.graph.nodes, reaktiv.scheduler.*) are published when
         * Micrometer is present.
         */
        private boolean enabled = true;

        /**
         * Creates the settings with their defaults.
         */
        public Metrics() {
        }

        /**
         * Returns whether meters are published.
         *
         * @return {@code true} unless switched off
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether meters are published.
         *
         * @param enabled {@code false} to publish none
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
