package io.reaktiv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node of a {@link GraphSnapshot}.
 *
 * @param id unique for the life of the JVM, assigned in creation order
 * @param kind what the node is
 * @param name the node's name, or {@code null} if it has none
 * @param dependencies ids of the nodes this one read in its last run (computeds and effects), in read order
 * @param dependents ids of the live nodes that read this one in their last run
 * @param writes how many times the value was changed by a write (signals and linked signals)
 * @param recomputes how many times the function ran (computeds and linked signals)
 * @param runs how many times the effect ran
 * @param errors how many effect runs or cleanups threw
 */
public record NodeSnapshot(long id, NodeKind kind, @Nullable String name, List<Long> dependencies,
        List<Long> dependents, long writes, long recomputes, long runs, long errors) {

    /**
     * Creates a snapshot node; the lists are copied.
     *
     * @param id unique for the life of the JVM, assigned in creation order
     * @param kind what the node is
     * @param name the node's name, or {@code null} if it has none
     * @param dependencies ids of the nodes this one read in its last run
     * @param dependents ids of the live nodes that read this one in their last run
     * @param writes how many times the value was changed by a write
     * @param recomputes how many times the function ran
     * @param runs how many times the effect ran
     * @param errors how many effect runs or cleanups threw
     */
    public NodeSnapshot {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
    }
}
