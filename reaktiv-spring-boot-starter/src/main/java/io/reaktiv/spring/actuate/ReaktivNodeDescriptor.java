package io.reaktiv.spring.actuate;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of {@code GET /actuator/reaktiv/{name}}: one node with the fields of {@link NodeDescriptor}, its
 * neighbours, and why it last ran.
 *
 * @param id the node's id
 * @param name the node's name, or {@code null}
 * @param kind {@code signal}, {@code computed}, {@code linkedSignal} or {@code effect}
 * @param writes see {@link NodeDescriptor#writes()}
 * @param recomputes see {@link NodeDescriptor#recomputes()}
 * @param stale see {@link NodeDescriptor#stale()}
 * @param runs see {@link NodeDescriptor#runs()}
 * @param errors see {@link NodeDescriptor#errors()}
 * @param running see {@link NodeDescriptor#running()}
 * @param disposed see {@link NodeDescriptor#disposed()}
 * @param lastError see {@link NodeDescriptor#lastError()}
 * @param value see {@link NodeDescriptor#value()}
 * @param error see {@link NodeDescriptor#error()}
 * @param dependencies the nodes it read in its last run (computeds, linked signals, effects), in read order
 * @param dependents the live nodes that read it in their last run
 * @param causes computeds, linked signals and effects: the dependencies whose change made it last recompute or
 *     run; empty after a first run; {@code null} (left out) for signals
 * @param sameName ids of the other live nodes with this name, when several share it (this one is the newest);
 *     otherwise {@code null} (left out)
 */
public record ReaktivNodeDescriptor(long id, @Nullable String name, String kind, @Nullable Long writes,
        @Nullable Long recomputes, @Nullable Boolean stale, @Nullable Long runs, @Nullable Long errors,
        @Nullable Boolean running, @Nullable Boolean disposed, @Nullable String lastError, @Nullable String value,
        @Nullable String error, List<NodeReference> dependencies, List<NodeReference> dependents,
        @Nullable List<NodeReference> causes, @Nullable List<Long> sameName) implements OperationResponseBody {

    /**
     * A neighbour of the node.
     *
     * @param id its id
     * @param name its name, or {@code null}
     */
    public record NodeReference(long id, @Nullable String name) {
    }
}
