package io.reaktiv.bench.alienjava;

import static io.reaktiv.bench.alienjava.ReactiveFlags.DIRTY;
import static io.reaktiv.bench.alienjava.ReactiveFlags.MUTABLE;
import static io.reaktiv.bench.alienjava.ReactiveFlags.NONE;
import static io.reaktiv.bench.alienjava.ReactiveFlags.PENDING;
import static io.reaktiv.bench.alienjava.ReactiveFlags.RECURSED;
import static io.reaktiv.bench.alienjava.ReactiveFlags.RECURSED_CHECK;
import static io.reaktiv.bench.alienjava.ReactiveFlags.WATCHING;

/**
 * alien-signals' {@code createReactiveSystem} ({@code src/system.ts}): the edge bookkeeping and the two graph
 * walks, push ({@link #propagate}) and pull ({@link #checkDirty}). The three callbacks the original receives as
 * arguments are the abstract methods; a subclass supplies them, as {@code index.ts} does.
 *
 * <p>Both walks are iterative, like the original: deep graphs keep an explicit stack of linked frames instead
 * of using the call stack.
 */
abstract class ReactiveSystem {

    /** Recomputes a dirty node; returns whether its value changed. */
    abstract boolean update(ReactiveNode node);

    /** Queues a watching node (an effect) reached by propagation. */
    abstract void notify(ReactiveNode node);

    /** Called when a node lost its last subscriber. */
    abstract void unwatched(ReactiveNode node);

    /**
     * Records that {@code sub} read {@code dep} in the run numbered {@code version}. Reuses the edge at the
     * current position of {@code sub}'s dependency list when the reads come in the same order as last time, so a
     * re-run with unchanged dependencies allocates nothing.
     */
    final void link(ReactiveNode dep, ReactiveNode sub, int version) {
        Link prevDep = sub.depsTail;
        if (prevDep != null && prevDep.dep == dep) {
            return;
        }
        Link nextDep = prevDep != null ? prevDep.nextDep : sub.deps;
        if (nextDep != null && nextDep.dep == dep) {
            nextDep.version = version;
            sub.depsTail = nextDep;
            return;
        }
        Link prevSub = dep.subsTail;
        if (prevSub != null && prevSub.version == version && prevSub.sub == sub) {
            return;
        }
        Link newLink = new Link(version, dep, sub, prevDep, nextDep, prevSub, null);
        sub.depsTail = newLink;
        dep.subsTail = newLink;
        if (nextDep != null) {
            nextDep.prevDep = newLink;
        }
        if (prevDep != null) {
            prevDep.nextDep = newLink;
        } else {
            sub.deps = newLink;
        }
        if (prevSub != null) {
            prevSub.nextSub = newLink;
        } else {
            dep.subs = newLink;
        }
    }

    /** {@link #unlink(Link, ReactiveNode)} from the edge's own subscriber. */
    final Link unlink(Link link) {
        return unlink(link, link.sub);
    }

    /**
     * Removes an edge from both lists; returns the next dependency of {@code sub}. A dependency left without
     * subscribers is reported through {@link #unwatched}.
     */
    final Link unlink(Link link, ReactiveNode sub) {
        ReactiveNode dep = link.dep;
        Link prevDep = link.prevDep;
        Link nextDep = link.nextDep;
        Link nextSub = link.nextSub;
        Link prevSub = link.prevSub;
        if (nextDep != null) {
            nextDep.prevDep = prevDep;
        } else {
            sub.depsTail = prevDep;
        }
        if (prevDep != null) {
            prevDep.nextDep = nextDep;
        } else {
            sub.deps = nextDep;
        }
        if (nextSub != null) {
            nextSub.prevSub = prevSub;
        } else {
            dep.subsTail = prevSub;
        }
        if (prevSub != null) {
            prevSub.nextSub = nextSub;
        } else if ((dep.subs = nextSub) == null) {
            unwatched(dep);
        }
        return nextDep;
    }

    /**
     * Marks every transitive subscriber reachable from {@code link} {@link ReactiveFlags#PENDING} (depth first)
     * and notifies the watching ones. Nodes already pending are not walked again; a node that is running gets an
     * edge check ({@link #isValidLink}) so that a write during its run only re-schedules it when it really read
     * the written node.
     *
     * @param innerWrite the write happens while an effect runs: mark new pending nodes {@code RECURSED} too
     */
    final void propagate(Link link, boolean innerWrite) {
        Link next = link.nextSub;
        Frame stack = null;

        top:
        do {
            ReactiveNode sub = link.sub;
            int flags = sub.flags;

            if ((flags & (RECURSED_CHECK | RECURSED | DIRTY | PENDING)) == 0) {
                sub.flags = flags | PENDING;
                if (innerWrite) {
                    sub.flags |= RECURSED;
                }
            } else if ((flags & (RECURSED_CHECK | RECURSED)) == 0) {
                flags = NONE;
            } else if ((flags & RECURSED_CHECK) == 0) {
                sub.flags = (flags & ~RECURSED) | PENDING;
            } else if ((flags & (DIRTY | PENDING)) == 0 && isValidLink(link, sub)) {
                sub.flags = flags | (RECURSED | PENDING);
                flags &= MUTABLE;
            } else {
                flags = NONE;
            }

            if ((flags & WATCHING) != 0) {
                notify(sub);
            }

            if ((flags & MUTABLE) != 0) {
                Link subSubs = sub.subs;
                if (subSubs != null) {
                    link = subSubs;
                    Link nextSub = subSubs.nextSub;
                    if (nextSub != null) {
                        stack = new Frame(next, stack);
                        next = nextSub;
                    }
                    continue;
                }
            }

            if ((link = next) != null) {
                next = link.nextSub;
                continue;
            }

            while (stack != null) {
                link = stack.value;
                stack = stack.prev;
                if (link != null) {
                    next = link.nextSub;
                    continue top;
                }
            }

            break;
        } while (true);
    }

    /**
     * Decides whether a pending {@code sub} must re-run: walks its dependencies in order (depth first into pending
     * computeds), recomputes the dirty ones and stops at the first that changed. Dependencies found unchanged lose
     * their {@code PENDING} flag on the way back up.
     *
     * @param link the first dependency of {@code sub}
     * @return whether {@code sub} is dirty (and still alive)
     */
    final boolean checkDirty(Link link, ReactiveNode sub) {
        Frame stack = null;
        int checkDepth = 0;
        boolean dirty = false;

        top:
        do {
            ReactiveNode dep = link.dep;
            int flags = dep.flags;

            if ((sub.flags & DIRTY) != 0) {
                dirty = true;
            } else if ((flags & (MUTABLE | DIRTY)) == (MUTABLE | DIRTY)) {
                Link subs = dep.subs;
                if (update(dep)) {
                    // Other subscribers of dep learn now that it changed: they become dirty without a walk.
                    if (subs.nextSub != null) {
                        shallowPropagate(subs);
                    }
                    dirty = true;
                }
            } else if ((flags & (MUTABLE | PENDING)) == (MUTABLE | PENDING)) {
                stack = new Frame(link, stack);
                link = dep.deps;
                sub = dep;
                ++checkDepth;
                continue;
            }

            if (!dirty) {
                Link nextDep = link.nextDep;
                if (nextDep != null) {
                    link = nextDep;
                    continue;
                }
            }

            while (checkDepth-- != 0) {
                link = stack.value;
                stack = stack.prev;
                if (dirty) {
                    Link subs = sub.subs;
                    if (update(sub)) {
                        if (subs.nextSub != null) {
                            shallowPropagate(subs);
                        }
                        sub = link.sub;
                        continue;
                    }
                    dirty = false;
                } else {
                    sub.flags &= ~PENDING;
                }
                sub = link.sub;
                Link nextDep = link.nextDep;
                if (nextDep != null) {
                    link = nextDep;
                    continue top;
                }
            }

            return dirty && sub.flags != NONE;
        } while (true);
    }

    /** Marks the direct subscribers of a node that just changed dirty (pending ones only) and notifies effects. */
    final void shallowPropagate(Link link) {
        do {
            ReactiveNode sub = link.sub;
            int flags = sub.flags;
            if ((flags & (PENDING | DIRTY)) == PENDING) {
                sub.flags = flags | DIRTY;
                if ((flags & (WATCHING | RECURSED_CHECK)) == WATCHING) {
                    notify(sub);
                }
            }
        } while ((link = link.nextSub) != null);
    }

    /** Whether {@code checkLink} is among the dependencies {@code sub} has read so far in its current run. */
    private static boolean isValidLink(Link checkLink, ReactiveNode sub) {
        Link link = sub.depsTail;
        while (link != null) {
            if (link == checkLink) {
                return true;
            }
            link = link.prevDep;
        }
        return false;
    }

    /** A frame of the walks' explicit stack, a linked list as in the original ({@code {value, prev}}). */
    private static final class Frame {
        final Link value;
        final Frame prev;

        Frame(Link value, Frame prev) {
            this.value = value;
            this.prev = prev;
        }
    }
}
