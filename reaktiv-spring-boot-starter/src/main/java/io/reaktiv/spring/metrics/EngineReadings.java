package io.reaktiv.spring.metrics;

import io.reaktiv.CounterTotals;
import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeKind;
import io.reaktiv.NodeSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the meters read from the engine: the counter totals (summed per meter and name tag) and the live node
 * counts per kind, taken at most once per refresh interval, so that a scrape polling many meters costs one pass
 * over the engine's nodes rather than one per meter.
 *
 * <p>Implementation notes. The engine's totals grow monotonically, with one exception: a node named after it was
 * counted moves its earlier counts from the unnamed total to its name's. Each total here is therefore made
 * monotonic by an offset that absorbs any decrease, since a Micrometer counter must never go down.
 */
final class EngineReadings {

    /** The name tag of nodes without a name: one value for all of them keeps cardinality bounded. */
    static final String UNNAMED = "unnamed";

    static final String SIGNAL_WRITES = "reaktiv.signal.writes";
    static final String COMPUTED_RECOMPUTES = "reaktiv.computed.recomputes";
    static final String EFFECT_RUNS = "reaktiv.effect.runs";
    static final String EFFECT_ERRORS = "reaktiv.effect.errors";

    /** A counter meter and its name tag. */
    record Key(String meter, String name) {
    }

    private final Supplier<List<CounterTotals>> totals;
    private final Supplier<GraphSnapshot> graphs;
    private final long refreshNanos;
    private final LongSupplier nanoClock;

    /** Guarded by {@code this}. */
    private final Map<Key, Monotonic> counters = new HashMap<>();
    /** Keys seen first in a refresh and not yet returned by {@link #newKeys()}. Guarded by {@code this}. */
    private final List<Key> fresh = new ArrayList<>();
    private final Map<NodeKind, Integer> nodeCounts = new EnumMap<>(NodeKind.class);
    private long totalsReadAt;
    private long graphReadAt;
    private boolean totalsRead;
    private boolean graphRead;

    EngineReadings(Supplier<List<CounterTotals>> totals, Supplier<GraphSnapshot> graphs, long refreshNanos,
            LongSupplier nanoClock) {
        this.totals = Objects.requireNonNull(totals, "totals");
        this.graphs = Objects.requireNonNull(graphs, "graphs");
        this.refreshNanos = refreshNanos;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Returns the counter keys seen for the first time since the last call (refreshing first if due), so that
     * their meters can be registered.
     */
    synchronized List<Key> newKeys() {
        refreshTotals();
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Key> keys = List.copyOf(fresh);
        fresh.clear();
        return keys;
    }

    /** The monotonic total of one counter. */
    synchronized double total(Key key) {
        refreshTotals();
        Monotonic total = counters.get(key);
        return total != null ? total.reported() : 0;
    }

    /** Live nodes of one kind. */
    synchronized int nodes(NodeKind kind) {
        long now = nanoClock.getAsLong();
        if (!graphRead || now - graphReadAt >= refreshNanos) {
            graphRead = true;
            graphReadAt = now;
            nodeCounts.clear();
            for (NodeSnapshot node : graphs.get().nodes()) {
                nodeCounts.merge(node.kind(), 1, Integer::sum);
            }
        }
        return nodeCounts.getOrDefault(kind, 0);
    }

    private void refreshTotals() {
        long now = nanoClock.getAsLong();
        if (totalsRead && now - totalsReadAt < refreshNanos) {
            return;
        }
        totalsRead = true;
        totalsReadAt = now;
        Map<Key, Long> sums = new HashMap<>();
        for (CounterTotals t : totals.get()) {
            String name = t.name() != null ? t.name() : UNNAMED;
            switch (t.kind()) {
                case SIGNAL -> sums.merge(new Key(SIGNAL_WRITES, name), t.writes(), Long::sum);
                case COMPUTED -> sums.merge(new Key(COMPUTED_RECOMPUTES, name), t.recomputes(), Long::sum);
                case LINKED_SIGNAL -> {
                    sums.merge(new Key(SIGNAL_WRITES, name), t.writes(), Long::sum);
                    sums.merge(new Key(COMPUTED_RECOMPUTES, name), t.recomputes(), Long::sum);
                }
                case EFFECT -> {
                    sums.merge(new Key(EFFECT_RUNS, name), t.runs(), Long::sum);
                    sums.merge(new Key(EFFECT_ERRORS, name), t.errors(), Long::sum);
                }
            }
        }
        sums.forEach((key, sum) -> counters.computeIfAbsent(key, k -> {
            fresh.add(k);
            return new Monotonic();
        }).update(sum));
        // A key that vanished (its only nodes were renamed) keeps its last reported value.
    }

    /** A total made monotonic: decreases of the engine's figure are absorbed into an offset. */
    private static final class Monotonic {
        private long last;
        private long offset;

        void update(long current) {
            if (current < last) {
                offset += last - current;
            }
            last = current;
        }

        long reported() {
            return last + offset;
        }
    }
}
