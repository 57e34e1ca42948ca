package io.reaktiv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consistent picture of the live reactive graph, taken by {@link Reaktiv#graph()}: every node not yet
 * garbage-collected, with its edges and counters.
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
     * Finds the node with the given name (the first, if several share it).
     *
     * @param name the node name
     * @return the node, or empty
     */
    public Optional<NodeSnapshot> find(String name) {
        return nodes.stream().filter(n -> name.equals(n.name())).findFirst();
    }

    /**
     * Takes the snapshot. Lock held by the caller, so no edge changes meanwhile.
     */
    static GraphSnapshot of(List<Node> live) {
        Map<Long, List<Long>> dependents = new HashMap<>();
        List<List<Long>> dependencies = new ArrayList<>(live.size());
        for (Node node : live) {
            List<Long> deps = new ArrayList<>();
            for (Link l = node.depsHead; l != null; l = l.nextDep) {
                if (!deps.contains(l.dep.id)) {
                    deps.add(l.dep.id);
                    dependents.computeIfAbsent(l.dep.id, k -> new ArrayList<>()).add(node.id);
                }
            }
            dependencies.add(deps);
        }
        List<NodeSnapshot> nodes = new ArrayList<>(live.size());
        for (int i = 0; i < live.size(); i++) {
            Node node = live.get(i);
            long writes = node instanceof SignalNode<?> s ? s.writes
                    : node instanceof LinkedSignalNode<?, ?> ls ? ls.writes : 0;
            long recomputes = node instanceof DerivedNode<?> c ? c.recomputes : 0;
            long runs = node instanceof EffectNode e ? e.runs : 0;
            long errors = node instanceof EffectNode e ? e.errors : 0;
            nodes.add(new NodeSnapshot(node.id, node.kind(), node.name, dependencies.get(i),
                    dependents.getOrDefault(node.id, List.of()), writes, recomputes, runs, errors));
        }
        return new GraphSnapshot(nodes);
    }
}
