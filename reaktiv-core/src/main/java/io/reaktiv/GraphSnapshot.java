package io.reaktiv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
     * Takes the snapshot: copies what it needs under the lock, and builds the lists after releasing it, so
     * writers wait only for the copy. Linear in nodes plus edges.
     */
    static GraphSnapshot take() {
        List<Node> live = NodeRegistry.live();
        int n = live.size();
        long[][] deps = new long[n][];
        long[][] causes = new long[n][];
        Raw[] raw = new Raw[n];
        Engine.LOCK.lock();
        try {
            for (int i = 0; i < n; i++) {
                Node node = live.get(i);
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
        } finally {
            Engine.LOCK.unlock();
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

    /** What is read of one node under the lock. */
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
