package io.reaktiv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A consistent picture of the live reactive graph, taken by {@link Reaktiv#graph()}: every node not yet
 * garbage-collected, with its edges, counters and state. Holds no node: a snapshot never keeps the graph alive.
 *
 * @param nodes the nodes in creation order
 */
public record GraphSnapshot(List<NodeSnapshot> nodes) {

    /**
     * Creates a snapshot; the list is copied.
     *
     * @param nodes the nodes in creation order
     */
    public GraphSnapshot {
        nodes = List.copyOf(nodes);
    }

    /**
     * Finds the oldest node with the given name.
     *
     * @param name the node name
     * @return the node, or empty
     */
    public Optional<NodeSnapshot> find(String name) {
        return nodes.stream().filter(n -> name.equals(n.name())).findFirst();
    }

    /**
     * Finds the node with the given id.
     *
     * @param id the node id
     * @return the node, or empty if no live node has it
     */
    public Optional<NodeSnapshot> byId(long id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    /**
     * Takes the snapshot: copies what it needs under the locks, one graph component ({@link Domain}) at a time,
     * and builds the lists after releasing them, so writers wait only for the copy of their own component.
     * Every edge lies inside one component, so each component is copied whole at one moment. Linear in nodes
     * plus edges.
     */
    static GraphSnapshot take() {
        List<Node> live = NodeRegistry.live();
        int n = live.size();
        long[][] deps = new long[n][];
        long[][] causes = new long[n][];
        Raw[] raw = new Raw[n];
        Map<Domain, List<Integer>> byDomain = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            byDomain.computeIfAbsent(Domain.of(live.get(i)), d -> new ArrayList<>()).add(i);
        }
        ThreadState ts = ThreadState.current();
        List<Integer> moved = new ArrayList<>();
        for (List<Integer> component : byDomain.values()) {
            Node first = live.get(component.get(0));
            Domain.enter(first, ts);
            try {
                Domain held = Domain.of(first);
                for (int i : component) {
                    if (Domain.of(live.get(i)) == held) {
                        copy(live.get(i), i, deps, causes, raw);
                    } else {
                        moved.add(i); // merged into another component meanwhile
                    }
                }
            } finally {
                Domain.exit(ts);
            }
        }
        for (int i : moved) {
            Domain.enter(live.get(i), ts);
            try {
                copy(live.get(i), i, deps, causes, raw);
            } finally {
                Domain.exit(ts);
            }
        }
        Map<Long, List<Long>> dependents = new HashMap<>();
        List<List<Long>> dependencies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long self = live.get(i).id;
            List<Long> list = distinct(deps[i]);
            for (Long dep : list) {
                dependents.computeIfAbsent(dep, x -> new ArrayList<>()).add(self);
            }
            dependencies.add(list);
        }
        List<NodeSnapshot> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Node node = live.get(i);
            Raw r = raw[i];
            nodes.add(new NodeSnapshot(node.id, node.kind(), r.name, dependencies.get(i),
                    dependents.getOrDefault(node.id, List.of()), r.writes, r.recomputes, r.runs, r.errors, r.stale,
                    r.running, r.disposed, r.hasValue, r.value, r.error, distinct(causes[i])));
        }
        return new GraphSnapshot(nodes);
    }

    /** Copies one node's edges and state; its domain's lock held. */
    private static void copy(Node node, int i, long[][] deps, long[][] causes, Raw[] raw) {
        int count = 0;
        int causeCount = 0;
        for (Link l = node.depsHead; l != null; l = l.nextDep) {
            count++;
            if (l.causeStamp == node.runStamp && node.runStamp != 0) {
                causeCount++;
            }
        }
        long[] d = new long[count];
        long[] c = new long[causeCount];
        int j = 0;
        int k = 0;
        for (Link l = node.depsHead; l != null; l = l.nextDep) {
            d[j++] = l.dep.id;
            if (l.causeStamp == node.runStamp && node.runStamp != 0) {
                c[k++] = l.dep.id;
            }
        }
        deps[i] = d;
        causes[i] = c;
        raw[i] = Raw.of(node);
    }

    private static List<Long> distinct(long[] ids) {
        List<Long> out = new ArrayList<>(ids.length);
        Set<Long> seen = ids.length > 8 ? new HashSet<>() : null;
        for (long id : ids) {
            boolean fresh = seen != null ? seen.add(id) : !out.contains(id);
            if (fresh) {
                out.add(id);
            }
        }
        return out;
    }

    /** What is read of one node under its domain's lock. */
    private record Raw(@Nullable String name, long writes, long recomputes, long runs, long errors, boolean stale,
            boolean running, boolean disposed, boolean hasValue, @Nullable Object value, @Nullable Throwable error) {

        static Raw of(Node node) {
            NodeRegistry.Entry e = node.entry;
            if (node instanceof SignalNode<?> s) {
                return new Raw(e.name, e.writes, 0, 0, 0, false, false, false, true, s.peek(), null);
            }
            if (node instanceof DerivedNode<?> c) {
                Object v = c.value;
                boolean failed = v instanceof DerivedNode.Failure;
                boolean has = v != DerivedNode.UNSET && !failed;
                return new Raw(e.name, c.kind() == NodeKind.LINKED_SIGNAL ? e.writes : 0, e.recomputes, 0, 0,
                        c.isStaleForSnapshot(), false, false, has, has ? v : null,
                        failed ? ((DerivedNode.Failure) v).error() : null);
            }
            EffectNode effect = (EffectNode) node;
            return new Raw(e.name, 0, 0, e.runs, e.errors(), false, effect.isRunningForSnapshot(),
                    effect.isDisposed(), false, null, effect.lastError());
        }
    }
}
