package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * The counters of every node of one kind and name, live or gone, summed: returned by
 * {@link Reaktiv#counterTotals()} for metrics. A node's counts stay in its totals after it is disposed or
 * garbage-collected, so each total only ever grows, except that a node named after it was counted moves its
 * earlier counts from the unnamed total to its name's.
 *
 * @param kind the kind of the nodes
 * @param name their name, or {@code null} for the nodes without one
 * @param writes writes that changed a value (signals and linked signals)
 * @param recomputes function runs (computeds and linked signals)
 * @param runs effect runs
 * @param errors effect errors
 */
public record CounterTotals(NodeKind kind, @Nullable String name, long writes, long recomputes, long runs,
        long errors) {
}
