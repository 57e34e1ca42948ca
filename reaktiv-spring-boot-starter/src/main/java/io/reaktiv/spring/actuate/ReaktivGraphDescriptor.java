package io.reaktiv.spring.actuate;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of {@code GET /actuator/reaktiv}: the JVM's live reactive graph.
 *
 * @param nodes every live node, oldest first
 * @param links the edges, each from a dependency to its dependent
 * @param summary how many live nodes there are of each kind ({@code signal}, {@code computed},
 *     {@code linkedSignal}, {@code effect}), plus {@code failingEffects}: active effects whose last run failed
 */
public record ReaktivGraphDescriptor(List<NodeDescriptor> nodes, List<LinkDescriptor> links,
        Map<String, Integer> summary) implements OperationResponseBody {

    /**
     * One edge of the graph.
     *
     * @param from the id of the dependency
     * @param to the id of the node that read it in its last run
     */
    public record LinkDescriptor(long from, long to) {
    }
}
