package io.reaktiv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node of a {@link GraphSnapshot}: what it is, its edges, its counters, and its state when the snapshot was
 * taken. Taking it ran no user code: {@link #value()} is the cached value as is (a stale one included), and
 * nothing was computed to fill it in.
 *
 * <p>The counters are exact: each is changed by one thread at a time under the engine's hand-off rules and
 * the snapshot reads them under the lock of the node's graph component. A run still in progress when the snapshot was taken may or
 * may not be counted yet.
 *
 * @param id unique for the life of the JVM, assigned in creation order
 * @param kind what the node is
 * @param name the node's name, or {@code null} if it has none
 * @param dependencies ids of the nodes this one read in its last run (computeds and effects), in read order
 * @param dependents ids of the live nodes that read this one in their last run
 * @param writes how many times the value was changed by a write (signals and linked signals)
 * @param recomputes how many times the function ran (computeds and linked signals)
 * @param runs how many times the effect ran
 * @param errors how many effect runs or cleanups threw, or reports of the effect as a cycle or as inactive
 * @param stale computeds and linked signals: {@code true} unless the cached value is known to be current (a
 *     dependency changed since it was computed, the engine cannot tell without recomputing, or it was never
 *     computed); {@code false} for other kinds
 * @param running effects: a run is in progress (or an async run's stage is in flight); {@code false} otherwise
 * @param disposed effects: disposed, by {@link Effect#dispose()}, by an owner, or because its scheduler was
 *     shut down; {@code false} otherwise
 * @param hasValue whether {@link #value()} holds a value: always for signals, for computeds and linked signals
 *     once computed without failure; never for effects
 * @param value the signal's value or the cached value (possibly stale), or {@code null} when
 *     {@link #hasValue()} is false
 * @param error computeds and linked signals: the memoized exception of the last run; effects: what the last
 *     run threw ({@code null} once a run succeeds); {@code null} otherwise
 * @param causes ids of the dependencies whose change made the last run of this computed, linked signal or
 *     effect happen, in read order; empty for a first run and for signals
 */
public record NodeSnapshot(long id, NodeKind kind, @Nullable String name, List<Long> dependencies,
        List<Long> dependents, long writes, long recomputes, long runs, long errors, boolean stale, boolean running,
        boolean disposed, boolean hasValue, @Nullable Object value, @Nullable Throwable error, List<Long> causes) {

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
     * @param stale whether a computed's cached value may be out of date
     * @param running whether an effect's run is in progress
     * @param disposed whether an effect is disposed
     * @param hasValue whether {@code value} holds a value
     * @param value the value, or {@code null}
     * @param error the last failure, or {@code null}
     * @param causes ids of the dependencies whose change caused the last run
     */
    public NodeSnapshot {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        causes = List.copyOf(causes);
    }
}
