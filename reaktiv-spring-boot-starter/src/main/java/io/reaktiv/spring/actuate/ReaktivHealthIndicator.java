package io.reaktiv.spring.actuate;

import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeKind;
import io.reaktiv.NodeSnapshot;
import io.reaktiv.Reaktiv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code reaktiv} health indicator: {@code UP} with details (live nodes per kind, the active effects whose
 * last run failed, the scheduler's pending and active runs); {@code DOWN} when the managed scheduler was shut
 * down while the context is still running (effects can no longer run). A failing effect is a detail, not
 * {@code DOWN}: the effect keeps reacting and the application may be fine.
 */
public class ReaktivHealthIndicator extends AbstractHealthIndicator {

    /** At most this many failing effects are named in the details. */
    public static final int MAX_FAILING_EFFECTS_LISTED = 20;

    private final @Nullable ExecutorEffectScheduler scheduler;
    private final BooleanSupplier contextRunning;
    private final Supplier<GraphSnapshot> graphs;

    /**
     * Creates the indicator on the engine's graph.
     *
     * @param scheduler the managed scheduler, or {@code null} when effects run inline
     * @param contextRunning whether the context's reaktiv lifecycle is running
     */
    public ReaktivHealthIndicator(@Nullable ExecutorEffectScheduler scheduler, BooleanSupplier contextRunning) {
        this(scheduler, contextRunning, Reaktiv::graph);
    }

    /**
     * Creates the indicator on a source of snapshots.
     *
     * @param scheduler the managed scheduler, or {@code null}
     * @param contextRunning whether the context's reaktiv lifecycle is running
     * @param graphs takes a snapshot per check
     */
    public ReaktivHealthIndicator(@Nullable ExecutorEffectScheduler scheduler, BooleanSupplier contextRunning,
            Supplier<GraphSnapshot> graphs) {
        super("reaktiv health check failed");
        this.scheduler = scheduler;
        this.contextRunning = Objects.requireNonNull(contextRunning, "contextRunning");
        this.graphs = Objects.requireNonNull(graphs, "graphs");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<NodeSnapshot> nodes = graphs.get().nodes();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeKind kind : NodeKind.values()) {
            counts.put(GraphDescriber.kindName(kind), 0);
        }
        nodes.forEach(n -> counts.merge(GraphDescriber.kindName(n.kind()), 1, Integer::sum));
        List<NodeSnapshot> failingNodes = nodes.stream().filter(GraphDescriber::isFailingEffect).toList();
        List<String> failing = failingNodes.stream().limit(MAX_FAILING_EFFECTS_LISTED).map(GraphDescriber::label)
                .toList();
        builder.withDetail("nodes", counts)
                .withDetail("failingEffects", failing)
                .withDetail("failingEffectCount", failingNodes.size());
        ExecutorEffectScheduler s = scheduler;
        if (s == null) {
            builder.up().withDetail("scheduler", Map.of("mode", "inline"));
            return;
        }
        Map<String, Object> schedulerDetails = new LinkedHashMap<>();
        schedulerDetails.put("mode", "executor");
        schedulerDetails.put("pending", s.queuedRuns());
        schedulerDetails.put("active", s.activeRuns());
        schedulerDetails.put("shutdown", s.isShutdown());
        builder.withDetail("scheduler", schedulerDetails);
        if (s.isShutdown() && contextRunning.getAsBoolean()) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
