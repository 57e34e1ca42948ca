package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * One dependency edge: {@code sub} read {@code dep}. The same object sits on two intrusive doubly-linked
 * lists, so linking and unlinking are O(1) and no node needs a {@code Set}:
 *
 * <pre>
 *   sub.depsHead -> [dep=a] <-> [dep=b] <-> [dep=c]      (nextDep / prevDep: what sub read, in read order)
 *   a.subsHead   -> [sub=x] <-> [sub=sub] <-> [sub=y]    (nextSub / prevSub: who is watching a)
 * </pre>
 *
 * <p>A link is on its dep's subscriber list only while its sub is <em>watched</em> (an effect, or a computed
 * something watched depends on); an unwatched computed keeps its links on its own list only, so the sources
 * it read do not keep it reachable. Both ends are always in one {@link Domain}, and all fields are guarded by its lock, except that the effect
 * running on a thread may refresh {@link #version} of its own links without it (nobody else touches them
 * while it runs).
 */
final class Link {

    final Node dep;
    final Node sub;

    /** The dep's {@link Node#version} when sub last read it; a difference means sub may be out of date. */
    int version;

    /**
     * The sub's {@link Node#runStamp} of the run that re-read this dependency and found its version changed:
     * the dependency is one of the causes of that run. Compared with the sub's current stamp, so nothing has
     * to be reset between runs.
     */
    int causeStamp;

    @Nullable Link prevDep;
    @Nullable Link nextDep;
    @Nullable Link prevSub;
    @Nullable Link nextSub;

    Link(Node dep, Node sub, int version) {
        this.dep = dep;
        this.sub = sub;
        this.version = version;
    }
}
