package io.reaktiv.bench.alienjava;

/** The bits of {@link ReactiveNode#flags}, as in alien-signals' {@code ReactiveFlags} enum. */
final class ReactiveFlags {

    /** No flag. */
    static final int NONE = 0;
    /** The node has a value that can change: a signal, a computed or an effect scope. */
    static final int MUTABLE = 1;
    /** The node is an effect waiting to be notified (cleared while it is queued). */
    static final int WATCHING = 2;
    /** The node is running its function right now: propagation must check whether the edge is current. */
    static final int RECURSED_CHECK = 4;
    /** The node was reached by propagation while running. */
    static final int RECURSED = 8;
    /** A dependency certainly changed: the node must re-run. */
    static final int DIRTY = 16;
    /** A transitive dependency may have changed: the node must check its dependencies first. */
    static final int PENDING = 32;

    private ReactiveFlags() {}
}
