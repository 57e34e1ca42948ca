package io.reaktiv.spring.actuate;

import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeKind;
import io.reaktiv.NodeSnapshot;
import io.reaktiv.spring.actuate.ReaktivGraphDescriptor.LinkDescriptor;
import io.reaktiv.spring.actuate.ReaktivNodeDescriptor.NodeReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link GraphSnapshot} into the endpoint's descriptors. Works on the snapshot alone: it runs no user code
 * except, when values are shown, the values' {@code toString()}.
 */
public final class GraphDescriber {

    /** Values longer than this many characters are cut, and {@code "..."} appended. */
    public static final int MAX_VALUE_LENGTH = 256;

    private GraphDescriber() {
    }

    /**
     * Returns the endpoint's name of a kind.
     *
     * @param kind the kind
     * @return {@code signal}, {@code computed}, {@code linkedSignal} or {@code effect}
     */
    public static String kindName(NodeKind kind) {
        return switch (kind) {
            case SIGNAL -> "signal";
            case COMPUTED -> "computed";
            case LINKED_SIGNAL -> "linkedSignal";
            case EFFECT -> "effect";
        };
    }

    /**
     * Describes the whole graph.
     *
     * @param graph the snapshot
     * @param showValues whether nodes carry their values (and errors' messages)
     * @return the descriptor
     */
    public static ReaktivGraphDescriptor describe(GraphSnapshot graph, boolean showValues) {
        List<NodeSnapshot> nodes = graph.nodes();
        List<NodeDescriptor> described = new ArrayList<>(nodes.size());
        List<LinkDescriptor> links = new ArrayList<>();
        for (NodeSnapshot node : nodes) {
            described.add(node(node, showValues));
            for (Long dependency : node.dependencies()) {
                links.add(new LinkDescriptor(dependency, node.id()));
            }
        }
        return new ReaktivGraphDescriptor(described, links, summary(nodes));
    }

    /**
     * Counts the live nodes per kind, and the active effects whose last run failed.
     *
     * @param nodes the nodes
     * @return counts by kind name, then {@code failingEffects}
     */
    public static Map<String, Integer> summary(List<NodeSnapshot> nodes) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (NodeKind kind : NodeKind.values()) {
            summary.put(kindName(kind), 0);
        }
        int failing = 0;
        for (NodeSnapshot node : nodes) {
            summary.merge(kindName(node.kind()), 1, Integer::sum);
            if (isFailingEffect(node)) {
                failing++;
            }
        }
        summary.put("failingEffects", failing);
        return summary;
    }

    /**
     * Whether a node is an active effect whose last run failed.
     *
     * @param node the node
     * @return {@code true} if so
     */
    public static boolean isFailingEffect(NodeSnapshot node) {
        return node.kind() == NodeKind.EFFECT && !node.disposed() && node.error() != null;
    }

    /**
     * Finds a node by id (when {@code nameOrId} is a number and a live node has that id) or else by name, and
     * describes it; when several live nodes share the name, the newest.
     *
     * @param graph the snapshot
     * @param nameOrId a node name or a numeric id
     * @param showValues whether the node carries its value
     * @return the descriptor, or empty if no live node matches
     */
    public static Optional<ReaktivNodeDescriptor> describeNode(GraphSnapshot graph, String nameOrId,
            boolean showValues) {
        Map<Long, NodeSnapshot> byId = new HashMap<>();
        graph.nodes().forEach(n -> byId.put(n.id(), n));
        NodeSnapshot found = parseId(nameOrId).map(byId::get).orElse(null);
        List<Long> sameName = new ArrayList<>();
        if (found == null) {
            for (NodeSnapshot node : graph.nodes()) { // oldest first: the last match is the newest
                if (nameOrId.equals(node.name())) {
                    if (found != null) {
                        sameName.add(found.id());
                    }
                    found = node;
                }
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        NodeDescriptor d = node(found, showValues);
        List<NodeReference> causes = found.kind() == NodeKind.SIGNAL ? null : references(found.causes(), byId);
        return Optional.of(new ReaktivNodeDescriptor(d.id(), d.name(), d.kind(), d.writes(), d.recomputes(),
                d.stale(), d.runs(), d.errors(), d.running(), d.disposed(), d.lastError(), d.value(), d.error(),
                references(found.dependencies(), byId), references(found.dependents(), byId), causes,
                sameName.isEmpty() ? null : sameName));
    }

    private static Optional<Long> parseId(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static List<NodeReference> references(List<Long> ids, Map<Long, NodeSnapshot> byId) {
        List<NodeReference> refs = new ArrayList<>(ids.size());
        for (Long id : ids) {
            NodeSnapshot node = byId.get(id);
            refs.add(new NodeReference(id, node != null ? node.name() : null));
        }
        return refs;
    }

    /**
     * Describes one node.
     *
     * @param node the node
     * @param showValues whether it carries its value
     * @return the descriptor
     */
    public static NodeDescriptor node(NodeSnapshot node, boolean showValues) {
        NodeKind kind = node.kind();
        boolean writable = kind == NodeKind.SIGNAL || kind == NodeKind.LINKED_SIGNAL;
        boolean derived = kind == NodeKind.COMPUTED || kind == NodeKind.LINKED_SIGNAL;
        boolean effect = kind == NodeKind.EFFECT;
        Throwable error = node.error();
        String value = null;
        String derivedError = null;
        String lastError = null;
        if (effect) {
            lastError = error == null ? null : showValues ? describe(error) : error.getClass().getName();
        } else if (showValues) {
            if (error != null) {
                derivedError = describe(error);
            } else if (node.hasValue()) {
                value = render(node.value());
            }
        }
        return new NodeDescriptor(node.id(), node.name(), kindName(kind), writable ? node.writes() : null,
                derived ? node.recomputes() : null, derived ? node.stale() : null, effect ? node.runs() : null,
                effect ? node.errors() : null, effect ? node.running() : null,
                effect && node.disposed() ? Boolean.TRUE : null, lastError, value, derivedError);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return cut(error.getClass().getName() + (message != null ? ": " + message : ""));
    }

    /** The value's {@code toString()}, cut to {@link #MAX_VALUE_LENGTH}; a failing {@code toString()} is named. */
    static String render(@Nullable Object value) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException e) {
            text = "<toString() threw " + e.getClass().getName() + ">";
        }
        return cut(text);
    }

    private static String cut(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "...";
    }

    /**
     * A label for diagrams: the node's name, or its kind and id.
     *
     * @param node the node
     * @return the label
     */
    static String label(NodeSnapshot node) {
        String name = node.name();
        return name != null ? name : kindName(node.kind()) + "#" + node.id();
    }

    /**
     * The node's counts and state for diagrams, such as {@code computed, recomputes: 12, stale}.
     *
     * @param node the node
     * @return the summary line
     */
    static String counts(NodeSnapshot node) {
        StringBuilder line = new StringBuilder(kindName(node.kind()));
        switch (node.kind()) {
            case SIGNAL -> line.append(", writes: ").append(node.writes());
            case COMPUTED -> line.append(", recomputes: ").append(node.recomputes());
            case LINKED_SIGNAL -> line.append(", writes: ").append(node.writes())
                    .append(", recomputes: ").append(node.recomputes());
            case EFFECT -> line.append(", runs: ").append(node.runs()).append(", errors: ").append(node.errors());
        }
        if (node.stale()) {
            line.append(", stale");
        }
        if (node.disposed()) {
            line.append(", disposed");
        } else if (isFailingEffect(node)) {
            line.append(", failing");
        }
        return line.toString();
    }
}
