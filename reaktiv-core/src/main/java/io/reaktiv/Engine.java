package io.reaktiv;

import org.jspecify.annotations.Nullable;

/**
 * The propagation algorithm: linking edges, pushing staleness to watchers on a write, and pulling a node up
 * to date on a read. Running the effects a write notified is {@link EffectQueue}'s; what user code throws is
 * handled by the one policy in {@link Failures}.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Push-pull.</b> A write bumps the signal's version and walks its subscriber lists once, marking
 *   watched computeds {@link DerivedNode#STALE} and queueing effects; nothing is computed then. A read of a
 *   stale node walks down its dependencies, recomputes what really changed (versions differ) from the bottom
 *   up, and stops early where an equal value cut the change off. Both walks are loops over an explicit stack
 *   in {@link ThreadState}: a chain 10,000 deep costs no Java stack.</li>
 *   <li><b>Watched and unwatched.</b> Only watched nodes are on their sources' subscriber lists, so a computed
 *   nobody watches is not reachable from its sources and can be collected. Such a computed stays correct by
 *   polling: it remembers the {@link Domain#version} of its graph component it was last validated at and
 *   re-checks its dependencies' versions when a write to that component has happened since.</li>
 *   <li><b>One lock per graph component.</b> Every structural change and every computed evaluation happens
 *   under the lock of the {@link Domain} (graph component) of the nodes involved, so a stale computed read by
 *   several threads is computed once, and a computed never sees half of a write; graphs that share no node
 *   share no lock and no counter. Every walk below stays inside one domain: both ends of an edge are always in
 *   the same one. Reads of up-to-date values take no lock: they check a flag or the domain's version (acquire)
 *   and read the value (acquire); writers publish the flag before the value and the value before the version.
 *   Effects run outside every lock, so an effect may block or write without deadlocking anybody.</li>
 *   <li><b>Misbehaving user code.</b> The validation walk marks the computeds on its path
 *   ({@link DerivedNode#VALIDATING}): meeting one again is a cycle, re-run (and reported by the run), never
 *   walked. Computed functions nest at most {@link DerivedNode#MAX_EVAL_DEPTH} deep; a deeper first read is
 *   deferred to the outermost evaluation, which computes the innermost pending node first. A run that ends
 *   without an answer (a deferral, or JVM trouble) is aborted: no value, every link kept, not stale, so the
 *   next read computes it and the next write still reaches its watchers. Effects never flush while this thread
 *   holds a lock (a write from an updater): the write that holds it flushes after releasing it.</li>
 *   <li><b>Effects run on the writing thread.</b> A write queues the effects it notifies on its own thread's
 *   {@link ThreadState}; they run when that thread's outermost write or batch ends. An effect's {@code running}
 *   and {@code notified} flags (guarded by the lock) make sure it never runs concurrently with itself and
 *   that a notification arriving during a run causes one more run.</li>
 * </ul>
 */
final class Engine {

    /**
     * How far back a new dependency is looked up among the ones already read in this run before a duplicate
     * link is accepted. Duplicates are harmless (one more version compare); the bound keeps tracking O(1).
     */
    private static final int DUPLICATE_SCAN = 16;

    private Engine() {
    }

    // ---------------------------------------------------------------- tracking

    /**
     * Records that {@code sub} read {@code dep} (whose version was {@code depVersion}) without taking the
     * lock, when the read repeats the previous run: the link after the cursor already points at dep.
     *
     * @return whether the read was recorded; if not, call {@link #link} under the joined domains' lock
     */
    static boolean tryReuse(Node dep, Node sub, int depVersion) {
        Link cursor = sub.depsTail;
        if (cursor != null && cursor.dep == dep) {
            return true; // read twice in a row (a loop): recorded already
        }
        Link next = cursor != null ? cursor.nextDep : sub.depsHead;
        if (next != null && next.dep == dep) {
            if (next.version != depVersion) {
                next.version = depVersion;
                next.causeStamp = sub.runStamp;
            }
            sub.depsTail = next;
            return true;
        }
        return readEarlierInThisRun(dep, cursor) != null;
    }

    /**
     * The link to {@code dep} if it is among the last few dependencies confirmed in this run (a repeated read,
     * as in {@code a + b + a}): then the read adds nothing. Only the running node's own list is looked at.
     */
    private static @Nullable Link readEarlierInThisRun(Node dep, @Nullable Link cursor) {
        int scanned = 0;
        for (Link l = cursor; l != null && scanned < DUPLICATE_SCAN; l = l.prevDep, scanned++) {
            if (l.dep == dep) {
                return l;
            }
        }
        return null;
    }

    /** Records that {@code sub} read {@code dep}. Lock of their (joined, see {@link Domain#enterJoined}) domain held. */
    static Link link(Node dep, Node sub) {
        Link cursor = sub.depsTail;
        Link next = cursor != null ? cursor.nextDep : sub.depsHead;
        if (next != null && next.dep == dep) {
            int version = dep.version;
            if (next.version != version) {
                next.version = version;
                next.causeStamp = sub.runStamp;
            }
            sub.depsTail = next;
            return next;
        }
        Link earlier = readEarlierInThisRun(dep, cursor);
        if (earlier != null) {
            return earlier;
        }
        Link link = new Link(dep, sub, dep.version);
        link.prevDep = cursor;
        link.nextDep = next;
        if (cursor != null) {
            cursor.nextDep = link;
        } else {
            sub.depsHead = link;
        }
        if (next != null) {
            next.prevDep = link;
        }
        sub.depsTail = link;
        if (sub.isWatched()) {
            subscribe(link, ThreadState.current());
        }
        return link;
    }

    /**
     * Removes the links after the cursor: dependencies the last run did not read again. Domain lock held. Returns
     * nothing to do quickly when the run read the same dependencies as before.
     */
    static void trimDeps(Node sub, ThreadState ts) {
        Link cursor = sub.depsTail;
        Link stale = cursor != null ? cursor.nextDep : sub.depsHead;
        if (stale == null) {
            return;
        }
        if (cursor != null) {
            cursor.nextDep = null;
        } else {
            sub.depsHead = null;
        }
        boolean watched = sub.isWatched();
        while (stale != null) {
            Link next = stale.nextDep;
            stale.prevDep = null;
            stale.nextDep = null;
            if (watched) {
                unsubscribe(stale, ts);
            }
            stale = next;
        }
    }

    /**
     * Ends a failed run without removing anything: the cursor moves to the last dependency, so the previous
     * run's dependencies are kept too. Those the failed run did not read again are brought up to date now:
     * one left stale would never pass a later change on (propagation stops at stale nodes, whose watchers it
     * assumes were told already). Domain lock held.
     */
    static void keepAllDeps(Node sub, ThreadState ts) {
        Link last = sub.depsTail;
        Link notReread = last != null ? last.nextDep : sub.depsHead;
        // Refreshed before the cursor moves: a restart unwinding from here leaves the call repeatable.
        for (Link l = notReread; l != null; l = l.nextDep) {
            if (l.dep instanceof DerivedNode<?> c && !c.isRunning() && !c.isValidating()) {
                try {
                    c.refresh(ts);
                } catch (Throwable ignored) {
                    if (ts.restarting()) {
                        throw ts.restartSignal();
                    }
                    // The dependency's own failure is its business (memoized, or it computes again on its next
                    // read); only a deferral must not stay pending once given up.
                    ts.deferred = null;
                }
            }
        }
        keepAllDepsAsIs(sub);
    }

    /** Ends an aborted run keeping every dependency, refreshing none (no user code runs). Domain lock held. */
    static void keepAllDepsAsIs(Node sub) {
        Link last = sub.depsTail != null ? sub.depsTail : sub.depsHead;
        while (last != null && last.nextDep != null) {
            last = last.nextDep;
        }
        sub.depsTail = last;
    }

    /** Removes every dependency of {@code sub} (a disposed effect). Domain lock held. */
    static void unlinkAllDeps(Node sub, ThreadState ts) {
        sub.depsTail = null;
        trimDeps(sub, ts);
    }

    /**
     * Puts {@code link} on its dep's subscriber list. A computed that gains its first watcher becomes watched
     * itself, recursively: its own links join their deps' lists. It is marked stale, because while unwatched
     * nobody pushed changes to it; the reader validates it next. Domain lock held.
     */
    private static void subscribe(Link link, ThreadState ts) {
        int mark = ts.mark();
        try {
            while (true) {
                Node dep = link.dep;
                Link tail = dep.subsTail;
                boolean first = tail == null;
                link.prevSub = tail;
                link.nextSub = null;
                if (tail != null) {
                    tail.nextSub = link;
                } else {
                    dep.subsHead = link;
                }
                dep.subsTail = link;
                if (first && dep instanceof DerivedNode<?> c) {
                    if (c.onFirstWatcher()) {
                        // Stale, so its new watcher must not pass for up to date: a later write would stop at
                        // this node (already stale) and never reach it. A join that moved the domain's version
                        // while the watcher computed is how a node validated a moment ago gets here.
                        propagate(link, ts);
                    }
                    if (c.depsHead != null) {
                        link = c.depsHead;
                        if (link.nextDep != null) {
                            ts.push(link.nextDep);
                        }
                        continue;
                    }
                }
                if (ts.mark() == mark) {
                    return;
                }
                link = ts.pop();
                if (link.nextDep != null) {
                    ts.push(link.nextDep);
                }
            }
        } finally {
            ts.reset(mark);
        }
    }

    /**
     * Takes {@code link} off its dep's subscriber list. A computed that loses its last watcher becomes
     * unwatched, recursively, and so collectable once nobody references it. Domain lock held.
     */
    private static void unsubscribe(Link link, ThreadState ts) {
        int mark = ts.mark();
        try {
            while (true) {
                Node dep = link.dep;
                Link prev = link.prevSub;
                Link next = link.nextSub;
                if (prev != null) {
                    prev.nextSub = next;
                } else {
                    dep.subsHead = next;
                }
                if (next != null) {
                    next.prevSub = prev;
                } else {
                    dep.subsTail = prev;
                }
                link.prevSub = null;
                link.nextSub = null;
                if (dep.subsHead == null && dep instanceof DerivedNode<?> c) {
                    c.onLastWatcherGone();
                    if (c.depsHead != null) {
                        link = c.depsHead;
                        if (link.nextDep != null) {
                            ts.push(link.nextDep);
                        }
                        continue;
                    }
                }
                if (ts.mark() == mark) {
                    return;
                }
                link = ts.pop();
                if (link.nextDep != null) {
                    ts.push(link.nextDep);
                }
            }
        } finally {
            ts.reset(mark);
        }
    }

    // ---------------------------------------------------------------- push

    /**
     * Marks everything downstream of {@code subs} as possibly changed: watched computeds become stale (and
     * their own watchers are visited once), effects are notified. A computed that is already stale is not
     * walked again: its watchers were marked when it was. Domain lock held.
     */
    static void propagate(@Nullable Link subs, ThreadState ts) {
        int mark = ts.mark();
        Link link = subs;
        try {
            while (true) {
                while (link != null) {
                    Node sub = link.sub;
                    Link next = link.nextSub;
                    if (sub instanceof DerivedNode<?> c) {
                        if (c.markStale() && c.subsHead != null) {
                            if (next != null) {
                                ts.push(next);
                            }
                            link = c.subsHead;
                            continue;
                        }
                    } else {
                        ((EffectNode) sub).notifyChanged(ts);
                    }
                    link = next;
                }
                if (ts.mark() == mark) {
                    return;
                }
                link = ts.pop();
            }
        } finally {
            ts.reset(mark);
        }
    }

    // ---------------------------------------------------------------- pull

    /**
     * Answers whether {@code root} must run again because a dependency's value changed, bringing every stale
     * computed on the way up to date. The walk descends into stale computeds before comparing versions, so
     * a computed's function only runs once everything it read last time is current: recomputation happens
     * bottom-up and never recurses through user functions. Domain lock held.
     */
    static boolean dependenciesChanged(Node root, ThreadState ts) {
        int mark = ts.mark();
        Node current = root;
        Link link = root.depsHead;
        try {
            while (true) {
                if (link != null) {
                    Node dep = link.dep;
                    boolean changed;
                    if (dep instanceof DerivedNode<?> c) {
                        if (c.isRunning() || c.isValidating()) {
                            // A cycle: re-run, and let the re-run's read report it; never walk it.
                            changed = true;
                        } else {
                            if (c.needsValidation()) {
                                if (!c.hasValue() || c.isDirty()) {
                                    c.recompute(ts);
                                } else if (c.depsHead != null) {
                                    ts.push(link);
                                    c.setValidating(true);
                                    current = c;
                                    link = c.depsHead;
                                    continue;
                                } else {
                                    c.markValidated(); // reads nothing: its value can never change
                                }
                            }
                            changed = c.version != link.version;
                        }
                    } else {
                        changed = dep.version != link.version;
                    }
                    if (changed) {
                        if (current == root) {
                            return true;
                        }
                        ((DerivedNode<?>) current).recompute(ts); // clears its VALIDATING mark
                        link = ts.pop();
                        current = link.sub;
                        continue;
                    }
                    link = link.nextDep;
                } else {
                    if (current == root) {
                        return false;
                    }
                    ((DerivedNode<?>) current).markValidated(); // clears its VALIDATING mark
                    link = ts.pop();
                    current = link.sub;
                }
            }
        } finally {
            if (ts.mark() != mark) {
                // Ended by an exception below: take the nodes still on the path off it.
                if (current != root) {
                    ((DerivedNode<?>) current).setValidating(false);
                }
                for (int i = ts.mark() - 1; i >= mark; i--) {
                    Node onPath = ts.at(i).dep;
                    if (onPath != root) {
                        ((DerivedNode<?>) onPath).setValidating(false);
                    }
                }
            }
            ts.reset(mark);
        }
    }

    // ---------------------------------------------------------------- writes and effects

    /**
     * Refuses a write where it would break the engine: while a computed's function runs on this thread, while
     * a listener's {@code onWrite}/{@code onRecompute} runs, and to a signal from inside its own updater or
     * equality.
     */
    static void checkWritable(ThreadState ts, Node target) {
        DerivedNode<?> computing = ts.computing();
        if (computing != null) {
            throw new IllegalStateException("Cannot write " + target.label() + " while computing "
                    + computing.label() + ": a computed's function must not write signals. Write from an "
                    + "effect or from outside the reactive graph instead.");
        }
        if (ts.inListener) {
            throw new IllegalStateException("Cannot write " + target.label() + " from a ReaktivListener's "
                    + "onWrite or onRecompute: they run under a graph component's lock and must not write signals. "
                    + "Write from an effect instead.");
        }
        if (ts.updating == target) {
            throw new IllegalStateException("Cannot write " + target.label() + " from inside its own updater or "
                    + "equality: the write would be lost (the updater's result replaces it) or recurse. Return the "
                    + "new value from the updater instead.");
        }
    }

}
