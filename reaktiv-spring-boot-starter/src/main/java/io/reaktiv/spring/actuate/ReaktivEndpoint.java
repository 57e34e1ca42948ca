package io.reaktiv.spring.actuate;

import io.reaktiv.GraphSnapshot;
import io.reaktiv.Reaktiv;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code reaktiv} endpoint: the JVM's live reactive graph (one engine per JVM, so several application
 * contexts in one JVM see each other's nodes). Each request takes one {@linkplain Reaktiv#graph() snapshot},
 * which holds the engine's lock only while copying and runs no user code, and renders it afterwards: looking
 * computes nothing, runs no effect and keeps no node alive. Values are hidden unless
 * {@code management.endpoint.reaktiv.show-values} says otherwise.
 *
 * <p>Over the web, {@link ReaktivEndpointWebExtension} adds the {@code format} parameter (JSON, Mermaid, DOT),
 * role checks for values, and 404s.
 */
@Endpoint(id = "reaktiv", defaultAccess = Access.READ_ONLY)
public class ReaktivEndpoint {

    private final Show showValues;
    private final Supplier<GraphSnapshot> graphs;

    /**
     * Creates the endpoint on the engine's graph.
     *
     * @param showValues when nodes carry their values
     */
    public ReaktivEndpoint(Show showValues) {
        this(showValues, Reaktiv::graph);
    }

    /**
     * Creates the endpoint on a source of snapshots.
     *
     * @param showValues when nodes carry their values
     * @param graphs takes a snapshot per request
     */
    public ReaktivEndpoint(Show showValues, Supplier<GraphSnapshot> graphs) {
        this.showValues = Objects.requireNonNull(showValues, "showValues");
        this.graphs = Objects.requireNonNull(graphs, "graphs");
    }

    /**
     * Returns the live graph (values shown unless {@code show-values} is {@code never}: callers other than the
     * web, such as JMX, count as authorized).
     *
     * @return the graph
     */
    @ReadOperation
    public ReaktivGraphDescriptor graph() {
        return graph(showValues.isShown(true));
    }

    /**
     * Returns one node, by numeric id or by name (the newest of several with that name).
     *
     * @param name a node's name or id
     * @return the node, or {@code null} if no live node matches
     */
    @ReadOperation
    public @Nullable ReaktivNodeDescriptor node(@Selector String name) {
        return node(name, showValues.isShown(true));
    }

    /**
     * Returns the live graph.
     *
     * @param showValues whether nodes carry their values
     * @return the graph
     */
    public ReaktivGraphDescriptor graph(boolean showValues) {
        return GraphDescriber.describe(graphs.get(), showValues);
    }

    /**
     * Returns one node.
     *
     * @param nameOrId a node's name or id
     * @param showValues whether it carries its value
     * @return the node, or {@code null} if no live node matches
     */
    public @Nullable ReaktivNodeDescriptor node(String nameOrId, boolean showValues) {
        return GraphDescriber.describeNode(graphs.get(), nameOrId, showValues).orElse(null);
    }

    /**
     * Renders the live graph as a diagram.
     *
     * @param format {@link GraphFormat#MERMAID} or {@link GraphFormat#DOT}
     * @return the diagram's source
     * @throws IllegalArgumentException for {@link GraphFormat#JSON}, which is not a diagram
     */
    public String diagram(GraphFormat format) {
        return switch (format) {
            case MERMAID -> GraphDiagrams.mermaid(graphs.get());
            case DOT -> GraphDiagrams.dot(graphs.get());
            case JSON -> throw new IllegalArgumentException("JSON is not a diagram format; use graph()");
        };
    }

    /**
     * Returns when values are shown.
     *
     * @return the setting
     */
    public Show getShowValues() {
        return showValues;
    }
}
