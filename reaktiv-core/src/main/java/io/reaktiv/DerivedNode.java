package io.reaktiv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A lazily computed, cached value: the engine side of {@link ComputedNode} and {@link LinkedSignalNode}.
 *
 * <p>Implementation notes. {@link #value} holds the value, a {@link Failure} (a memoized exception) or
 * {@link #UNSET}. Freshness is decided without the lock: a watched computed is fresh unless a write marked it
 * {@link #STALE}; an unwatched one is fresh if no write to its graph component happened since it was validated
 * ({@link #validatedAt} equals its {@link Domain#version}). Everything else happens under the domain's lock,
 * except one validation, below.
 *
 * <p><b>Revalidation without the lock.</b> Components only merge, so a busy application drifts into one big
 * component whose version every write bumps; an unwatched computed whose own sources did not change then looks
 * stale after every write, and its readers would queue behind the writers for a lock only to compare versions.
 * A reader that holds no lock therefore first tries {@link #revalidateWithoutLock}, an optimistic read in the
 * manner of {@code StampedLock.tryOptimisticRead}, the domain's lock word being the stamp. Only untracked reads
 * ({@code peek}, a {@code get} outside any function) try it: a tracked read that holds no lock is an effect's
 * (functions run under the lock), and an effect's links are all on their dependencies' subscriber lists, so a
 * computed it read before is watched; an unwatched one is a new dependency, which takes the lock to be linked
 * anyway. The steps:
 * <ol>
 *   <li>Find the root {@code d}; read {@code v = d.version}, <em>then</em> the lock word, and give up if it is
 *   held. Then read the flags (all clear: unwatched, not stale, running, validating or dirty) and the stamp
 *   {@code s = validatedAt}, and give up unless {@code 0 <= s != v}.</li>
 *   <li>Read the value (give up on {@link #UNSET} or a {@link Failure}) and walk at most
 *   {@link #LOCK_FREE_DEPS} links: every dependency is a signal or a computed fresh by the lock-free rule
 *   (watched, not stale and with a value; or validated at {@code v}), and has the version the link recorded.
 *   Anything else gives up.</li>
 *   <li>{@code VarHandle.acquireFence()}, then re-check: the lock word is free, {@code d} is still a root,
 *   {@code d.version == v}, the flags and {@code validatedAt} are the ones read in step 1. Any difference gives
 *   up. Then stamp {@code validatedAt = v} by compare-and-set from {@code s}, and return the value read.</li>
 * </ol>
 * Why that is enough. Every write bumps {@code d.version} first, under the lock. (a) A write whose bump the
 * version read saw took the lock before it, so the lock-word read after it sees that acquisition or a later
 * release; seeing the word free means it read a release of that writer or a later holder, and synchronizes
 * with it: the write is entirely visible to every later read. Reading the version first is what makes this
 * so; read after the lock word, the version could be a bump by a writer that took the lock after it, and that
 * writer, done before the re-check, would leave the version as read. (b) A write that bumps after the version
 * read changes it before the re-check reads it, or still holds the lock then. So the signal values are the same
 * throughout, those of version {@code v}. (c) What a lock holder changes of this node (its value and links:
 * recompute, abort; its subscriptions) it changes under a lock it took by a compare-and-set, a full fence, and
 * it leaves a trace: a recompute and a validation stamp the domain's version, which is at least {@code v} by
 * then, so not {@code s}; an aborted run and a lost last watcher stamp -1, which {@code s} is not either; a
 * run given up for a restart leaves {@link #DIRTY}, a first watcher {@link #WATCHED}, and only a later run or
 * validation clears them, stamping again. A holder done before the lock-word read is entirely visible (as in
 * (a)); one still holding at the re-check is seen holding; one that took the lock and released it in between
 * left its trace, visible to the re-check, which read its release; one that takes it after the re-check
 * cannot have written anything the reads before the fence saw (the fence orders them before the re-check, as
 * in {@code StampedLock.validate}). So the value and the links' versions are those of one completed state of
 * this node. (d) The value was computed from dependencies with the recorded versions, and a node's version
 * changes with its value, so the value is what the function gives for those dependency values; a signal's
 * value is that of version {@code v} by (b), and a fresh computed's value is up to date at {@code v} by the
 * lock-free rule. So the value is up to date at {@code v}, and the read takes effect at the re-check. The stamp
 * only records that: its compare-and-set fails if anybody stamped or aborted since, and a write since leaves
 * {@code v} behind the domain's version, so the node still looks stale. The value is returned either way: it
 * was up to date at the re-check, within this read. Any uncertainty (a held lock, a validation or a write in
 * progress, a merge, too many links) only sends the reader to the lock, as before.
 */
abstract class DerivedNode<T extends @Nullable Object> extends Node implements ReadableSignal<T> {

    /** A write upstream may have changed this value: validate before using it. */
    static final int STALE = 1;
    /** Watchers depend on this value: its links are on its sources' subscriber lists. */
    static final int WATCHED = 1 << 1;
    /** The function is running (on the thread holding the domain's lock); reading it now is a cycle. */
    static final int RUNNING = 1 << 2;
    /**
     * On the path of the validation walk in progress ({@link Engine#dependenciesChanged}): meeting it again
     * below itself is a cycle, which must be re-run (and reported by the run), never walked.
     */
    static final int VALIDATING = 1 << 3;
    /**
     * A run was given up to restart the operation around it ({@link Domain.Restart}): the value is the last
     * one computed, but some links may already record newer versions, so the next validation must recompute
     * rather than compare versions.
     */
    static final int DIRTY = 1 << 4;

    /**
     * How deep computeds may evaluate inside one another on one thread before the innermost pending one is
     * evaluated first from the top (see {@link #recompute}). Bounds the Java stack a first read of a long chain
     * of never-computed nodes needs, at about ten frames a level.
     */
    static final int MAX_EVAL_DEPTH = 100;

    /**
     * How many links {@link #revalidateWithoutLock} checks at most: a computed that read more is validated
     * under the lock, like before (the walk is a chain of dependent loads, and a wide node is rarely cheaper so).
     */
    static final int LOCK_FREE_DEPS = 8;

    /** The value of a computed whose function has not run yet. */
    static final Object UNSET = new Object() {
        @Override
        public String toString() {
            return "<not computed>";
        }
    };

    private static final VarHandle FLAGS;
    private static final VarHandle VALUE;
    private static final VarHandle VALIDATED_AT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FLAGS = lookup.findVarHandle(DerivedNode.class, "flags", int.class);
            VALIDATED_AT = lookup.findVarHandle(DerivedNode.class, "validatedAt", long.class);
            VALUE = lookup.findVarHandle(DerivedNode.class, "value", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final @Nullable BiPredicate<? super T, ? super T> equality;

    /** The value, a {@link Failure}, or {@link #UNSET}. Written under the domain's lock (release), read anywhere. */
    volatile @Nullable Object value = UNSET;
    /** The flags above. Written under the domain's lock (release), read anywhere. */
    volatile int flags;
    /** The domain's version at the last validation; meaningful while unwatched. */
    volatile long validatedAt = -1;

    /** The computed that was running when this one started: the path reported when a cycle is found. */
    private @Nullable DerivedNode<?> runningParent;

    DerivedNode(@Nullable BiPredicate<? super T, ? super T> equality) {
        super(null);
        this.equality = equality;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public T get() {
        ThreadState ts = ThreadState.current();
        Node sub = ts.activeSub;
        if (sub == null) {
            return read(ts);
        }
        if (ts.updating != null && ts.heldCount() > 0) {
            return readJoined(sub, ts); // an updater run by an effect: tracked by the effect, and joined
        }
        // Freshness first, then version, then value: a value read after a fresh check is at least as new as
        // the check, and a recorded version is never newer than the value read with it.
        if (isFresh(flags)) {
            int version = this.version;
            Object v = value;
            // UNSET: a run aborted since the check (see abortRun); take the lock and compute.
            if (v != UNSET && Engine.tryReuse(this, sub, version)) {
                return unwrap(v);
            }
        }
        Domain held = ts.lockDepth != 0 ? Domain.heldRootOf(this, sub) : null;
        if (held != null) {
            // Read by a function that runs under this node's domain already (the usual nesting): nothing to
            // enter, and one load of the held root's version serves the whole validation below.
            try {
                refresh(ts, held.version);
            } finally {
                Engine.link(this, sub); // linked even if refreshing threw, as below
            }
            return unwrap(value);
        }
        while (true) {
            boolean outermost = Domain.enterJoined(this, sub, ts);
            try {
                try {
                    refresh(ts);
                } finally {
                    // Linked after refreshing, so the link records the current version (and whether it changed,
                    // for causes); linked even if refreshing threw, so the reader re-runs when this node changes
                    // (a cycle that a later write breaks included).
                    Engine.link(this, sub);
                }
                return unwrap(value);
            } catch (Domain.Restart restart) {
                if (!outermost) {
                    throw restart;
                }
            } finally {
                Domain.exit(ts);
            }
            Domain.mergeForRetry(ts);
        }
    }

    @Override
    public T peek() {
        return read(ThreadState.current());
    }

    /**
     * A read by user code running under a domain's lock (an updater, an equality, a function reading without
     * tracking): joined to that domain (see {@link Domain#joinHeld}), so what it reads cannot change until
     * that code's result is written. Linked to {@code sub} if not null.
     */
    private T readJoined(@Nullable Node sub, ThreadState ts) {
        Domain.joinHeld(this, ts);
        try {
            refresh(ts);
            if (sub != null) {
                Domain.enterJoined(this, sub, ts);
                try {
                    Engine.link(this, sub);
                } finally {
                    Domain.exit(ts);
                }
            }
            return unwrap(value);
        } finally {
            Domain.exit(ts);
        }
    }

    private T read(ThreadState ts) {
        if (ts.readsJoin()) {
            return readJoined(null, ts);
        }
        if (isFresh(flags)) {
            Object v = value;
            if (v != UNSET) {
                return unwrap(v);
            }
        } else if (ts.lockDepth == 0) {
            Object v = revalidateWithoutLock();
            if (v != UNSET) {
                return unwrap(v);
            }
        }
        while (true) {
            boolean outermost = Domain.enter(this, ts);
            try {
                refresh(ts);
                return unwrap(value);
            } catch (Domain.Restart restart) {
                if (!outermost) {
                    throw restart;
                }
            } finally {
                Domain.exit(ts);
            }
            Domain.mergeForRetry(ts);
        }
    }

    /** Whether the cached value can be returned as is. Flags are read before the value. */
    private boolean isFresh(int f) {
        if ((f & (STALE | RUNNING | DIRTY)) != 0) {
            return false;
        }
        return (f & WATCHED) != 0 ? value != UNSET : validatedAt == Domain.versionOf(this);
    }

    /**
     * Validates an unwatched computed that only a write elsewhere in its component made look stale, without
     * the lock (see the class comment): returns its value if every dependency still has the version its link
     * recorded, {@link #UNSET} if anything is uncertain (then the caller takes the lock). Call holding no lock.
     */
    private @Nullable Object revalidateWithoutLock() {
        Link first = depsHead;
        if (first != null && first.version != first.dep.version) {
            // The usual staleness, a changed source, seen before the lock word is read: reading it here, shared,
            // just before the locked path takes it exclusive would cost one more transfer of its cache line.
            // Only a way to give up early; the walk below checks every link again, in order.
            return UNSET;
        }
        Domain d = domain;
        if (d == null) {
            return UNSET;
        }
        for (Domain m = d.mergedInto; m != null; m = m.mergedInto) {
            d = m;
        }
        long v = d.version; // before the lock word: see (a) in the class comment
        if (d.isLocked()) {
            return UNSET;
        }
        int f = flags;
        long stamp = validatedAt;
        if (f != 0 || stamp < 0 || stamp == v) {
            return UNSET;
        }
        Object result = value;
        if (result == UNSET || result instanceof Failure) {
            return UNSET;
        }
        Link link = depsHead;
        for (int n = 0; link != null; n++, link = link.nextDep) {
            if (n == LOCK_FREE_DEPS) {
                return UNSET;
            }
            Node dep = link.dep;
            if (dep instanceof DerivedNode<?> c) {
                int cf = c.flags;
                if ((cf & (STALE | RUNNING | VALIDATING | DIRTY)) != 0
                        || ((cf & WATCHED) != 0 ? c.value == UNSET : c.validatedAt != v)) {
                    return UNSET;
                }
            } else if (!(dep instanceof SignalNode<?>)) {
                return UNSET;
            }
            if (link.version != dep.version) {
                return UNSET;
            }
        }
        VarHandle.acquireFence(); // the reads above before the re-check below
        if (d.isLocked() || d.mergedInto != null || d.version != v || flags != f || validatedAt != stamp) {
            return UNSET;
        }
        VALIDATED_AT.compareAndSet(this, stamp, v);
        return result;
    }

    @SuppressWarnings("unchecked")
    private T unwrap(@Nullable Object v) {
        if (v instanceof Failure failure) {
            throw Failures.sneakyThrow(failure.error());
        }
        return (T) v;
    }

    // ---------------------------------------------------------------- engine side (domain lock held)

    /** Brings the value up to date. Domain lock held. */
    final void refresh(ThreadState ts) {
        refresh(ts, Domain.versionOf(this));
    }

    /**
     * Brings the value up to date, {@code version} being the domain's version read under its lock before the
     * call. A merge during the validation can only raise the domain's version, so stamping the earlier one
     * can make this node look stale once more, never fresh too early.
     */
    private void refresh(ThreadState ts, long version) {
        if (isRunning()) {
            throw cycle(ts);
        }
        if (!needsValidation(version)) {
            return;
        }
        if (!hasValue() || isDirty() || Engine.dependenciesChanged(this, ts)) {
            recompute(ts);
        } else {
            markValidated(version);
        }
    }

    final boolean needsValidation() {
        return needsValidation(Domain.versionOf(this));
    }

    private boolean needsValidation(long version) {
        int f = flags;
        if ((f & (STALE | DIRTY)) != 0 || value == UNSET) {
            return true;
        }
        return (f & WATCHED) == 0 && validatedAt != version;
    }

    final boolean isDirty() {
        return (flags & DIRTY) != 0;
    }

    /** For introspection, lock held: whether the cached value may be out of date; computes nothing. */
    final boolean isStaleForSnapshot() {
        int f = flags;
        return (f & (STALE | RUNNING | DIRTY)) != 0 || value == UNSET
                || ((f & WATCHED) == 0 && validatedAt != Domain.versionOf(this));
    }

    final boolean hasValue() {
        return value != UNSET;
    }

    final boolean isRunning() {
        return (flags & RUNNING) != 0;
    }

    @Override
    final boolean isWatched() {
        return (flags & WATCHED) != 0;
    }

    /** Marks this computed stale; returns false if it already was (its watchers were marked then). */
    final boolean markStale() {
        int f = flags;
        if ((f & STALE) != 0) {
            return false;
        }
        FLAGS.setRelease(this, f | STALE);
        return true;
    }

    final void markValidated() {
        markValidated(Domain.versionOf(this));
    }

    private void markValidated(long version) {
        VALIDATED_AT.setRelease(this, version);
        FLAGS.setRelease(this, flags & ~(STALE | VALIDATING));
    }

    final boolean isValidating() {
        return (flags & VALIDATING) != 0;
    }

    /** Puts this node on the validation path, or (false) takes it off. Domain lock held. */
    final void setValidating(boolean on) {
        int f = flags;
        FLAGS.setRelease(this, on ? f | VALIDATING : f & ~VALIDATING);
    }

    /**
     * Gained a first watcher; stale until validated, because nothing pushed changes to it while unwatched,
     * unless it was validated at its domain's current version. Returns whether it is stale now.
     */
    final boolean onFirstWatcher() {
        int f = flags | WATCHED;
        if (value == UNSET || validatedAt != Domain.versionOf(this)) {
            f |= STALE; // not validated since the last write or join (lock held: none can happen meanwhile)
        }
        FLAGS.setRelease(this, f);
        return (f & STALE) != 0;
    }

    /** Lost its last watcher: from now on freshness is decided by polling the domain's version. */
    final void onLastWatcherGone() {
        VALIDATED_AT.setRelease(this, -1L);
        FLAGS.setRelease(this, flags & ~WATCHED);
    }

    /**
     * Runs the function, tracking what it reads, and keeps the old value if the new one is equal. Domain lock held.
     *
     * <p>Evaluation nests when a function reads a computed that has no value yet (a first read), and the
     * nesting is bounded by {@link #MAX_EVAL_DEPTH}: past it, the node to evaluate is not run but handed to the
     * outermost evaluation on this thread ({@link ThreadState#defer}); every run in between is aborted
     * ({@link #abortRun}); the outermost evaluates the deferred node first, from depth zero, then runs its own
     * node again, which now finds that much of the chain computed. A chain of any length so needs a bounded
     * stack, and each node of it runs at most twice.
     */
    final void recompute(ThreadState ts) {
        if (ts.evalDepth > 0) {
            if (ts.evalDepth >= MAX_EVAL_DEPTH) {
                throw ts.defer(this);
            }
            recomputeNow(ts);
            return;
        }
        while (true) {
            try {
                recomputeNow(ts);
                return;
            } catch (ThreadState.DeferredEvaluation deferred) {
                ts.takeDeferred().refresh(ts);
            }
        }
    }

    private void recomputeNow(ThreadState ts) {
        ReaktivListener[] listeners = Listeners.current();
        long start = listeners == null ? 0 : System.nanoTime();
        Node previousSub = ts.activeSub;
        runningParent = ts.computing();
        FLAGS.setRelease(this, flags | RUNNING);
        ts.activeSub = this;
        ts.evalDepth++;
        depsTail = null;
        runStamp++;
        Object old = value;
        Object next;
        boolean changed;
        try {
            T result = compute(old);
            if (ts.deferred != null) {
                throw ts.deferral(); // the function caught the deferral of a read: the run is incomplete
            }
            changed = old == UNSET || old instanceof Failure || !isEqual(old, result);
            if (ts.restarting()) {
                throw ts.restartSignal(); // the function or equality caught a restart: the run is incomplete
            }
            next = result;
        } catch (Throwable error) {
            if (ts.restarting()) {
                // The operation around this run restarts: keep the value, recompute on the next validation.
                Engine.keepAllDepsAsIs(this);
                ts.evalDepth--;
                ts.activeSub = previousSub;
                runningParent = null;
                FLAGS.setRelease(this, (flags & ~(RUNNING | STALE | VALIDATING)) | DIRTY);
                throw ts.restartSignal();
            }
            if (ts.deferred != null || Failures.isFatal(error)) {
                // Not the function's answer (an evaluation deferred below it, or JVM trouble): compute again
                // on the next read. Done before RUNNING is cleared, so no lock-free reader sees it half done.
                abortRun(ts);
                ts.evalDepth--;
                ts.activeSub = previousSub;
                runningParent = null;
                FLAGS.setRelease(this, flags & ~(RUNNING | STALE | VALIDATING | DIRTY));
                throw error;
            }
            next = new Failure(error);
            changed = true;
        } finally {
            if ((flags & RUNNING) != 0) {
                ts.evalDepth--;
                ts.activeSub = previousSub;
                runningParent = null;
                FLAGS.setRelease(this, flags & ~RUNNING);
            }
        }
        if (!(next instanceof Failure)) {
            // On failure the dependencies of the previous run are kept too: any of them may fix it.
            Engine.trimDeps(this, ts);
        } else {
            Engine.keepAllDeps(this, ts);
        }
        entry.recomputes++;
        if (changed) {
            VALUE.setRelease(this, next);
            bumpVersionRelease();
        }
        VALIDATED_AT.setRelease(this, Domain.versionOf(this));
        FLAGS.setRelease(this, flags & ~(STALE | VALIDATING | DIRTY));
        if (listeners != null) {
            Listeners.recomputed(listeners, this, System.nanoTime() - start,
                    next instanceof Failure f ? f.error() : null, ts);
        }
    }

    /**
     * Ends a run that produced no answer: every dependency is kept (the previous run's too, since the aborted
     * run may have refreshed some links' versions), and the value becomes {@link #UNSET}, so whoever reads
     * this node next computes it, and a write to any dependency still reaches its watchers (the node is not
     * left {@link #STALE}, where propagation would stop). Domain lock held.
     */
    private void abortRun(ThreadState ts) {
        Engine.keepAllDepsAsIs(this);
        VALIDATED_AT.setRelease(this, -1L);
        VALUE.setRelease(this, UNSET);
    }

    /** Replaces the value (a linked signal set by hand). Domain lock held. */
    final void publish(@Nullable Object next) {
        VALUE.setRelease(this, next);
        bumpVersionRelease();
    }

    /** Computes a new value; {@code old} is the current value, a {@link Failure} or {@link #UNSET}. */
    abstract T compute(@Nullable Object old);

    @SuppressWarnings("unchecked")
    final boolean isEqual(@Nullable Object old, T next) {
        BiPredicate<? super T, ? super T> eq = equality;
        return eq == null ? Objects.equals(old, next) : eq.test((T) old, next);
    }

    private CycleDetectedException cycle(ThreadState ts) {
        // The running computeds on this thread, innermost first, up to this one: the cycle read backwards.
        java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
        path.push(label());
        for (DerivedNode<?> c = ts.computing(); c != null && c != this; c = c.runningParent) {
            path.push(c.label());
        }
        path.push(label());
        return new CycleDetectedException("Cycle detected: " + label() + " depends on itself ("
                + String.join(" -> ", path) + "). A computed must not read itself, directly or through other "
                + "computeds.");
    }


    @Override
    public String toString() {
        Object v = value;
        String shown = v == UNSET ? "<not computed>" : v instanceof Failure f ? "<failed: " + f.error() + ">"
                : String.valueOf(v);
        String name = name();
        return kind().label() + "[" + (name != null ? name + ", " : "") + "value=" + shown
                + (isFresh(flags) ? "" : ", stale") + "]";
    }

    /** A memoized exception, stored in place of the value. */
    record Failure(Throwable error) {
    }
}
