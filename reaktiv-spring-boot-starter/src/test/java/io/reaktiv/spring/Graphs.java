package io.reaktiv.spring;

import io.reaktiv.NodeSnapshot;
import io.reaktiv.Reaktiv;
import java.util.List;
import java.util.Optional;

/**
 * Looks nodes up in the JVM's graph. Tests share one engine, and nodes of closed contexts stay in the graph until
 * collected, so lookups by name take the newest node.
 */
public final class Graphs {

    private Graphs() {
    }

    /** The newest live node with this name. */
    public static Optional<NodeSnapshot> newest(String name) {
        List<NodeSnapshot> nodes = Reaktiv.graph().nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (name.equals(nodes.get(i).name())) {
                return Optional.of(nodes.get(i));
            }
        }
        return Optional.empty();
    }

    /** The newest live node with this name, which must exist. */
    public static NodeSnapshot node(String name) {
        return newest(name).orElseThrow(() -> new AssertionError("No live node named '" + name + "'"));
    }

    /** The live nodes with this name that are not disposed effects. */
    public static List<NodeSnapshot> active(String name) {
        return Reaktiv.graph().nodes().stream().filter(n -> name.equals(n.name()) && !n.disposed()).toList();
    }
}
