package io.reaktiv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import org.jspecify.annotations.Nullable;

/**
 * A graph component: the lock that guards its nodes (the domain is the lock itself, see {@link #tryLock}) and
 * the write counter its unwatched computeds poll. Nodes that share an edge share a domain, so writes to
 * graphs that share no node take different locks and never wait for each other, and a write to one graph does
 * not disturb the cached reads of another.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Merge only.</b> A node gets a domain the first time it is locked ({@link #of}); a node with no
 *   domain yet has no edges and no lock state, so linking it only adopts it into the other end's domain. Two
 *   domains are merged, under both their locks, when an edge would join them: the smaller points to the
 *   larger ({@link #mergedInto}, union by size, so chains stay short) and is never a root again. Domains never
 *   split (a graph whose edges are removed keeps its lock), so the invariant that both ends of every edge are
 *   in one domain needs no bookkeeping, and every graph walk stays inside the domain whose lock is held. What
 *   user code running under a lock reads without tracking (an updater, an equality, a function's untracked
 *   reads) is joined to the domain it runs under ({@link #joinHeld}), so an update stays one step in the order
 *   of writes and a function sees one state.</li>
 *   <li><b>Two-phase locking.</b> Every lock a thread takes stays held until its outermost {@link #enter}
 *   is matched by its {@link #exit}. So a merge may keep either domain as the root: whichever it is, the
 *   merging thread holds it until its whole operation is done, and nobody else can touch the merged nodes
 *   meanwhile.</li>
 *   <li><b>Locking a moving target.</b> A node's domain is its root, found by following {@code mergedInto}.
 *   {@link #enter} locks the root it found and checks that it is still the node's root; if a merge moved the
 *   node meanwhile it unlocks and tries again. Once held, the root stays the node's root: a merge that would
 *   absorb it needs its lock.</li>
 *   <li><b>Deadlock freedom.</b> A thread blocks on a domain's lock only if that domain's {@link #order} is
 *   lower than the order of every domain it holds, so every chain of threads waiting on one another descends
 *   in order and cannot close into a cycle. Orders are node ids, so the usual nesting (a computed created
 *   after what it reads, evaluated under its own domain's lock, first reading an older node's domain) is in
 *   order. A lock wanted out of order is only tried ({@code tryLock}); if another thread holds it, this thread
 *   throws {@link Restart}: the frames unwind, the outermost one releases every lock, merges the domains the
 *   operation was using with the one it wanted ({@link #mergeForRetry}, holding nothing, so in order) and runs
 *   again. The user code it runs again is what may run again by contract: computed functions
 *   (pure; an aborted run publishes nothing), updaters and equalities (like {@code
 *   AtomicReference.updateAndGet}). Each restart merges at least two domains, so retries end. Listeners are
 *   not restartable (the write they observe has happened): a lock they want out of order and cannot get is
 *   refused with an exception instead.</li>
 *   <li><b>Compute once, glitch-free.</b> Unchanged from one engine lock, per component: a computed is
 *   evaluated under its domain's lock, and every reader that finds it stale takes that same lock (a reader
 *   from another domain joins it first), so one evaluation serves every reader of one change. While a function
 *   runs, everything it read is in the locked domain (a node is joined before its first read is recorded), so
 *   no write to any of its inputs can interleave: it sees one consistent state. A run abandoned by a restart
 *   publishes nothing: the node keeps its value and is marked {@link DerivedNode#DIRTY}, so its next validation
 *   recomputes it instead of trusting versions the abandoned run may already have recorded.</li>
 *   <li><b>Versions.</b> {@link #version} is the root's write counter: a write bumps it before it publishes
 *   anything, and an unwatched computed validated at the current version is up to date. A merge keeps the
 *   larger of the two versions (see {@link #merge}), so a computed up to date in either part stays so, and
 *   none that missed a write can pass for validated. One validated at an older version whose dependencies
 *   still have the versions it read is re-validated without the lock, the lock word read as in an optimistic
 *   read of a {@code StampedLock} (see {@link DerivedNode}).</li>
 * </ul>
 */
final class Domain extends AbstractQueuedSynchronizer {

    private static final long serialVersionUID = 1L;

    private static final VarHandle NODE_DOMAIN;
    private static final VarHandle VERSION;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            NODE_DOMAIN = lookup.findVarHandle(Node.class, "domain", Domain.class);
            VERSION = lookup.findVarHandle(Domain.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The lock order: the id of the node that created the domain. */
    final long order;
    /**
     * The domain this one was merged into; {@code null} while it is a root. Set under both locks; later only
     * shortened, racily, to another domain on the same chain (path compression in {@link #of}).
     */
    volatile @Nullable Domain mergedInto;
    /** Bumped (release) by every write in this domain before anything else of the write is published. */
    volatile long version;
    /** About how many nodes this domain holds (for merging the smaller into the larger). Guarded by its lock. */
    int size = 1;

    private Domain(long order) {
        this.order = order;
    }

    // ---------------------------------------------------------------- the lock itself

    /**
     * Takes the lock if it is free. The domain is its own synchronizer rather than a {@code ReentrantLock}
     * beside it: the lock word, its owner and {@link #version} then sit in one object, so a write takes over
     * one cache line where it took two, and reaching the lock costs no dependent load. It is not reentrant:
     * every acquisition below first checks {@link #isHeldByCurrentThread}.
     */
    boolean tryLock() {
        if (compareAndSetState(0, 1)) {
            setExclusiveOwnerThread(Thread.currentThread());
            return true;
        }
        return false;
    }

    /** Takes the lock, parking until it is free. */
    void lock() {
        if (!tryLock()) {
            acquire(1);
        }
    }

    /** Releases the lock, waking the next thread parked on it. */
    void unlock() {
        release(1);
    }

    /**
     * Whether any thread holds the lock: a volatile load of the lock word. It reads the value of the latest
     * acquisition or release, and one that reads a release synchronizes with it (see
     * {@link DerivedNode}'s lock-free revalidation).
     */
    boolean isLocked() {
        return getState() != 0;
    }

    /** Whether this thread holds the lock (a plain load: only this thread can have made it so). */
    boolean isHeldByCurrentThread() {
        return getExclusiveOwnerThread() == Thread.currentThread();
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        return tryLock();
    }

    @Override
    protected boolean tryRelease(int ignored) {
        if (!isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("a domain is unlocked by a thread that does not hold it");
        }
        setExclusiveOwnerThread(null);
        setState(0); // a volatile write: releases everything written under the lock
        return true;
    }

    @Override
    protected boolean isHeldExclusively() {
        return isHeldByCurrentThread();
    }

    // ---------------------------------------------------------------- finding

    /** The root domain of {@code node}, created if it has none yet. */
    static Domain of(Node node) {
        Domain d = node.domain;
        if (d == null) {
            Domain created = new Domain(node.id);
            d = NODE_DOMAIN.compareAndSet(node, (Domain) null, created) ? created : node.domain;
        }
        return root(node, d);
    }

    private static Domain root(Node node, Domain d) {
        Domain m = d.mergedInto;
        if (m == null) {
            return d;
        }
        Domain r = m;
        for (Domain next = r.mergedInto; next != null; next = next.mergedInto) {
            r = next;
        }
        // Shortcuts for the next lookups: any domain on the chain to the root is a valid value for both.
        node.domain = r;
        if (d.mergedInto != r) {
            d.mergedInto = r;
        }
        return r;
    }

    /**
     * The version of {@code node}'s root domain, without creating one: {@code -2} if it has none (then it
     * was never validated, and no validation stamp equals it).
     */
    static long versionOf(Node node) {
        Domain d = node.domain;
        if (d == null) {
            return -2;
        }
        for (Domain m = d.mergedInto; m != null; m = m.mergedInto) {
            d = m;
        }
        return d.version;
    }

    /** Bumps the version of a root this thread holds (a write). */
    void bumpVersion() {
        VERSION.setRelease(this, version + 1);
    }

    // ---------------------------------------------------------------- locking

    /**
     * Locks {@code node}'s domain unless this thread holds it already; every call is paired with one
     * {@link #exit}, and the locks this thread took are released when its outermost {@code exit} runs.
     *
     * @return whether this is the outermost {@code enter} on this thread (it holds nothing else)
     * @throws Restart if the lock is wanted out of order and another thread holds it
     */
    static boolean enter(Node node, ThreadState ts) {
        Domain d = node.domain;
        if (d != null && ts.lockDepth == 0 && d.mergedInto == null && d.tryLock()) {
            // The common case: the node points at its root, and this thread holds nothing. Still the root once
            // locked means still the node's root: moving the node would have needed this lock.
            if (d.mergedInto == null) {
                ts.pushHeld(d);
                ts.lockDepth = 1;
                return true;
            }
            d.unlock();
        }
        lockRootOf(node, ts);
        return ts.lockDepth++ == 0;
    }

    /** Locks {@code node}'s root unless held; on return this thread holds it. */
    private static void lockRootOf(Node node, ThreadState ts) {
        while (true) {
            Domain d = of(node);
            if (ts.heldCount() != 0 && d.isHeldByCurrentThread()) {
                return;
            }
            lockOrRestart(d, ts);
            if (d.mergedInto == null && of(node) == d) {
                ts.pushHeld(d);
                return;
            }
            d.unlock();
        }
    }

    /**
     * Locks the domains of {@code a} and {@code b} and makes them one, unless they are one already; paired with
     * one {@link #exit} like {@link #enter}.
     *
     * @return whether this is the outermost {@code enter} on this thread
     * @throws Restart if a lock is wanted out of order and another thread holds it
     */
    static boolean enterJoined(Node a, Node b, ThreadState ts) {
        if (ts.lockDepth != 0 && heldRootOf(a, b) != null) {
            ts.lockDepth++; // the common case inside a computation
            return false;
        }
        join(a, b, ts);
        return ts.lockDepth++ == 0;
    }

    /**
     * The root both {@code a} and {@code b} point at, if this thread holds it (a read inside a computation
     * usually finds its reader's domain so); {@code null} otherwise, including when either points at a
     * domain merged since. Then nothing needs locking or joining to link them.
     */
    static @Nullable Domain heldRootOf(Node a, Node b) {
        Domain d = a.domain;
        return d != null && d == b.domain && d.mergedInto == null && d.isHeldByCurrentThread() ? d : null;
    }

    /** Makes the domains of {@code a} and {@code b} one, both held by this thread on return. */
    private static void join(Node a, Node b, ThreadState ts) {
        while (true) {
            if (ts.lockDepth == 0) {
                releaseAll(ts); // a failed round's locks: holding none, every acquisition below is in order
            }
            // A node without a domain has no edges and no lock state: adopting it needs nobody else's lock.
            if (a.domain == null && b.domain != null) {
                lockRootOf(b, ts);
                if (adopt(a, of(b))) {
                    return;
                }
                continue;
            }
            if (b.domain == null) {
                lockRootOf(a, ts);
                if (adopt(b, of(a))) {
                    return;
                }
                continue;
            }
            Domain ra = of(a);
            Domain rb = of(b);
            if (ra == rb) {
                lockRootOf(a, ts);
                if (of(b) == of(a)) {
                    return;
                }
                continue;
            }
            // Higher order first: with nothing else held both acquisitions are then in order.
            Domain high = ra.order > rb.order ? ra : rb;
            Domain low = high == ra ? rb : ra;
            if (lockRoot(high, ts) && lockRoot(low, ts)) {
                merge(low, high);
                return;
            }
        }
    }

    /**
     * Joins {@code node}'s domain to the ones this thread holds, so that what user code running under them
     * reads cannot change until its result is written: the operation then stays serializable with every
     * write, as it was with one lock. Paired with one {@link #exit} like {@link #enter}; call only while this
     * thread holds a domain.
     *
     * @throws Restart if the lock is wanted out of order and another thread holds it
     */
    static void joinHeld(Node node, ThreadState ts) {
        assert ts.heldCount() != 0 : "joinHeld needs a held domain to join";
        while (true) {
            Domain base = ts.heldAt(0);
            for (Domain m = base.mergedInto; m != null; m = m.mergedInto) {
                base = m; // every domain this thread merged held ones into is held by it too
            }
            if (node.domain == null) {
                if (adopt(node, base)) {
                    break;
                }
                continue;
            }
            Domain r = of(node);
            if (r == base || lockRoot(r, ts)) {
                if (r != base) {
                    merge(r, base);
                }
                break;
            }
        }
        ts.lockDepth++;
    }

    private static boolean adopt(Node node, Domain root) {
        if (NODE_DOMAIN.compareAndSet(node, (Domain) null, root)) {
            root.size++;
            return true;
        }
        return false;
    }

    /** Locks {@code d} unless held: whether it is (still) a root, held by this thread, on return. */
    private static boolean lockRoot(Domain d, ThreadState ts) {
        if (d.isHeldByCurrentThread()) {
            return d.mergedInto == null;
        }
        lockOrRestart(d, ts);
        ts.pushHeld(d);
        return d.mergedInto == null;
    }

    /**
     * Blocks for {@code d}'s lock if the order allows; otherwise only tries it. No spinning before parking: on
     * two cores a contended counter (the scaling benchmark's workload B, 2 threads) did 1.0 and 3.8 M updates/s
     * with 128 spins against 4.0 and 3.8 M without, and disjoint graphs never contend.
     */
    private static void lockOrRestart(Domain d, ThreadState ts) {
        if (ts.heldCount() == 0 || d.order < ts.lowestHeldOrder()) {
            d.lock();
        } else if (!d.tryLock()) {
            throw Failures.sneakyThrow(ts.restart(d));
        }
    }

    /**
     * Pairs with {@link #enter}, {@link #enterJoined} or {@link #joinHeld}: the outermost one releases every
     * lock this thread took since, newest first. Holding them until then (two-phase locking) is what lets a
     * merge keep either domain as the root: whatever this thread merged stays locked until it is done.
     */
    static void exit(ThreadState ts) {
        if (--ts.lockDepth == 0) {
            releaseAll(ts);
        }
    }

    private static void releaseAll(ThreadState ts) {
        while (ts.heldCount() != 0) {
            ts.popHeld().unlock();
        }
    }

    /**
     * Both roots locked by this thread: the smaller joins the larger, so chains stay short. The joined
     * version is the larger one: a computed validated at its domain's current version stays up to date, and
     * one validated before a write in its domain has a stamp below that domain's version, so below the joined
     * one too.
     */
    private static void merge(Domain x, Domain y) {
        Domain root = x.size >= y.size ? x : y;
        Domain absorbed = root == x ? y : x;
        if (absorbed.version > root.version) {
            VERSION.setRelease(root, absorbed.version);
        }
        root.size += absorbed.size;
        absorbed.mergedInto = root;
    }

    /**
     * Called by the outermost locked operation of a thread after a {@link Restart} unwound it, holding nothing:
     * merges the domains the operation held with the one it wanted, so that its retry finds them one.
     */
    static void mergeForRetry(ThreadState ts) {
        Domain[] wanted = ts.takeRestart();
        while (true) {
            // Lock the current roots from the highest order down (in order: nothing else is held), then merge.
            Domain[] roots = new Domain[wanted.length];
            int n = 0;
            for (Domain w : wanted) {
                Domain r = w;
                for (Domain m = r.mergedInto; m != null; m = m.mergedInto) {
                    r = m;
                }
                boolean seen = false;
                for (int i = 0; i < n; i++) {
                    seen |= roots[i] == r;
                }
                if (!seen) {
                    roots[n++] = r;
                }
            }
            java.util.Arrays.sort(roots, 0, n, (x, y) -> Long.compare(y.order, x.order));
            int taken = 0;
            boolean allRoots = true;
            try {
                for (int i = 0; i < n && allRoots; i++) {
                    roots[i].lock();
                    taken++;
                    allRoots = roots[i].mergedInto == null;
                }
                if (allRoots) {
                    Domain root = roots[0];
                    for (int i = 1; i < n; i++) {
                        merge(root, roots[i]);
                        root = root.mergedInto == null ? root : roots[i];
                    }
                    return;
                }
            } finally {
                for (int i = taken - 1; i >= 0; i--) {
                    roots[i].unlock();
                }
            }
        }
    }

    /**
     * Unwinds a thread's locked operations down to the outermost one after a lock was wanted out of order and
     * was held by another thread (see the class comment). An {@code Error}, so that user code catching
     * exceptions lets it pass; user code that catches it anyway is noticed ({@link ThreadState#restarting()})
     * and aborted all the same.
     */
    static final class Restart extends Error {
        private static final long serialVersionUID = 1L;

        Restart() {
            super("a lock was wanted out of order: the operation restarts", null, false, false);
        }
    }
}
