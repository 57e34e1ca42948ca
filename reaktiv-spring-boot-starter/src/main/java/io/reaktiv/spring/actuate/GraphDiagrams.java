package io.reaktiv.spring.actuate;

import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeSnapshot;

/**
 * Renders a {@link GraphSnapshot} as a diagram: a Mermaid flowchart or Graphviz DOT. Each node is labelled with
 * its name (or kind and id) and its counts; each edge goes from a dependency to its dependent. Values are never
 * rendered. Linear in nodes plus edges; works on the snapshot alone, outside every engine lock.
 */
public final class GraphDiagrams {

    private GraphDiagrams() {
    }

    /**
     * Renders a Mermaid flowchart, left to right: signals as stadiums, computeds as rectangles, linked signals
     * as subroutine boxes, effects as hexagons.
     *
     * <pre>
     * flowchart LR
     *     n1(["healthMonitor.serverMetrics&lt;br/&gt;signal, writes: 40"])
     *     n3["healthMonitor.healthStatus&lt;br/&gt;computed, recomputes: 12"]
     *     n7{{"alerts.alertOnHealth&lt;br/&gt;effect, runs: 9, errors: 0"}}
     *     n1 --&gt; n3
     *     n3 --&gt; n7
     * </pre>
     *
     * @param graph the snapshot
     * @return the flowchart
     */
    public static String mermaid(GraphSnapshot graph) {
        StringBuilder out = new StringBuilder(64 + graph.nodes().size() * 96);
        out.append("flowchart LR\n");
        for (NodeSnapshot node : graph.nodes()) {
            String text = mermaidText(GraphDescriber.label(node)) + "<br/>" + mermaidText(GraphDescriber.counts(node));
            String[] shape = switch (node.kind()) {
                case SIGNAL -> new String[] {"([\"", "\"])"};
                case COMPUTED -> new String[] {"[\"", "\"]"};
                case LINKED_SIGNAL -> new String[] {"[[\"", "\"]]"};
                case EFFECT -> new String[] {"{{\"", "\"}}"};
            };
            out.append("    n").append(node.id()).append(shape[0]).append(text).append(shape[1]).append('\n');
        }
        for (NodeSnapshot node : graph.nodes()) {
            for (Long dependency : node.dependencies()) {
                out.append("    n").append(dependency).append(" --> n").append(node.id()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Mermaid's entity codes for what would end the quoted label, be read as HTML, or start an entity code
     * ({@code #word;}); a lone {@code #} stays as it is.
     */
    private static String mermaidText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '#' -> out.append(startsEntity(text, i + 1) ? "#35;" : "#");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code text} continues at {@code from} with word characters and a semicolon. */
    private static boolean startsEntity(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i > from && i < text.length() && text.charAt(i) == ';';
    }

    /**
     * Renders Graphviz DOT, left to right: signals as ellipses, computeds as boxes, linked signals as rounded
     * boxes, effects as hexagons.
     *
     * <pre>
     * digraph reaktiv {
     *     rankdir=LR;
     *     n1 [label="healthMonitor.serverMetrics\nsignal, writes: 40", shape=ellipse];
     *     n1 -&gt; n3;
     * }
     * </pre>
     *
     * @param graph the snapshot
     * @return the DOT source
     */
    public static String dot(GraphSnapshot graph) {
        StringBuilder out = new StringBuilder(64 + graph.nodes().size() * 96);
        out.append("digraph reaktiv {\n    rankdir=LR;\n");
        for (NodeSnapshot node : graph.nodes()) {
            String shape = switch (node.kind()) {
                case SIGNAL -> "shape=ellipse";
                case COMPUTED -> "shape=box";
                case LINKED_SIGNAL -> "shape=box, style=rounded";
                case EFFECT -> "shape=hexagon";
            };
            out.append("    n").append(node.id()).append(" [label=\"").append(dotText(GraphDescriber.label(node)))
                    .append("\\n").append(dotText(GraphDescriber.counts(node))).append("\", ").append(shape)
                    .append("];\n");
        }
        for (NodeSnapshot node : graph.nodes()) {
            for (Long dependency : node.dependencies()) {
                out.append("    n").append(dependency).append(" -> n").append(node.id()).append(";\n");
            }
        }
        return out.append("}\n").toString();
    }

    /** Escapes a DOT double-quoted string. */
    private static String dotText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
