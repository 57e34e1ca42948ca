package io.reaktiv.spring;

import io.reaktiv.Effect;
import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeKind;
import io.reaktiv.NodeSnapshot;
import io.reaktiv.Reaktiv;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Ties the context's effects to the context's lifecycle. Its phase ({@link #PHASE}) lies between the executors'
 * ({@code Integer.MAX_VALUE / 2}) and the web server's ({@code Integer.MAX_VALUE - 2048}): effects start after
 * every singleton exists and before the web server takes traffic, and stop after the web server's graceful
 * shutdown, before executors stop and long before any bean is destroyed.
 *
 * <p>{@link #stop()} first disposes every effect of the context (no new run starts; stages of async effects
 * still pending are cancelled), then waits up to the await-termination period for runs in flight, logging a
 * warning naming the effects still running if the period expires, and only then stops the scheduler's threads.
 * It blocks for that time on purpose: a {@code stop(Runnable)} callback would be cut off by the per-phase
 * shutdown timeout. Not restartable: once stopped, the context's effects are gone.
 */
public class ReaktivLifecycle implements SmartLifecycle {

    /** The lifecycle phase: after executors start, before the web server starts. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Log logger = LogFactory.getLog(ReaktivLifecycle.class);

    private final ReaktivEffectRegistry effects;
    private final @Nullable ExecutorEffectScheduler scheduler;
    private final @Nullable ReaktivEffectExecutor executor;
    private final Duration awaitTermination;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param effects the context's effects
     * @param scheduler the scheduler to drain on stop, or {@code null} when effects run inline
     * @param executor the scheduler's threads to stop after draining, or {@code null} if not the starter's
     * @param awaitTermination how long {@link #stop()} waits for effect runs in flight
     */
    public ReaktivLifecycle(ReaktivEffectRegistry effects, @Nullable ExecutorEffectScheduler scheduler,
            @Nullable ReaktivEffectExecutor executor, Duration awaitTermination) {
        this.effects = Objects.requireNonNull(effects, "effects");
        this.scheduler = scheduler;
        this.executor = executor;
        this.awaitTermination = Objects.requireNonNull(awaitTermination, "awaitTermination");
    }

    @Override
    public void start() {
        running = true;
        effects.start();
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        List<Effect> disposed = effects.disposeAll();
        boolean idle = drain();
        if (!idle) {
            logger.warn("Effects still running after reaktiv.shutdown.await-termination-period (" + awaitTermination
                    + "): " + stillRunning(disposed) + "; stopping their threads");
        }
        if (executor != null) {
            if (idle) {
                executor.shutdown();
            } else {
                executor.shutdownNow();
            }
        }
    }

    private boolean drain() {
        if (scheduler == null) {
            return true; // inline effects run on the writing threads, which the context does not own
        }
        try {
            return scheduler.shutdown(awaitTermination);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Names of the context's effects that the engine reports as running (or async with a stage in flight). */
    private static String stillRunning(List<Effect> disposed) {
        Set<String> names = disposed.stream().map(Effect::name).filter(Objects::nonNull).collect(Collectors.toSet());
        GraphSnapshot graph = Reaktiv.graph();
        List<String> running = graph.nodes().stream()
                .filter(n -> n.kind() == NodeKind.EFFECT && n.running() && n.name() != null
                        && names.contains(n.name()))
                .map(NodeSnapshot::name)
                .map(String::valueOf)
                .distinct()
                .toList();
        return running.isEmpty() ? "(effects created outside @ReactiveEffect methods)" : String.join(", ", running);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
