package io.reaktiv.bench.alienjava;

/**
 * A node of the graph: its dependencies ({@code deps}..{@code depsTail}), its subscribers
 * ({@code subs}..{@code subsTail}) and its {@link ReactiveFlags}. Every kind of node has all five fields, as in
 * alien-signals' {@code ReactiveNode} interface; a signal never uses its dependency list.
 */
public abstract class ReactiveNode {

    Link deps;
    Link depsTail;
    Link subs;
    Link subsTail;
    int flags;

    ReactiveNode(int flags) {
        this.flags = flags;
    }
}
