package io.reaktiv;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Per-thread engine state (named so it is not confused with Spring's application contexts): what is tracking
 * reads on this thread, the batch depth, the effects this thread's writes notified, and the guards that
 * refuse writes where they would break the engine. Never shared: a thread only touches its own state.
 */
final class ThreadState {

    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::create);

    /**
     * The state of one thread, checked first: every read and write needs it, and a static load and
     * a thread compare are the cheapest test there is. Taken by the first thread that uses the engine, and
     * handed on only when that thread has ended (an application's main thread often ends after startup).
     * Plain accesses suffice: a state found here is checked against the current thread through its final
     * {@link #thread} field, so a stale or racy read only sends a thread down the slower paths; and since it
     * is written only when a thread first uses the engine, no cache line bounces between cores.
     */
    private static @Nullable ThreadState primary;

    /**
     * Then states by thread id, for the other threads: an id, an array load and a compare cost less than a
     * thread-local hash probe (JMH, two threads reading one signal: 1.78 ns per read through the thread-local,
     * 1.31 ns through a slot). A thread claims its slot when it first uses the engine, if the slot is free or
     * its owner has ended; two live threads never take turns overwriting one slot, and a thread that finds
     * its slot taken uses the thread-local. At most {@code SLOTS} ended threads stay referenced until their
     * slot is reused.
     */
    private static final int SLOTS = 64;
    private static final ThreadState[] BY_THREAD = new ThreadState[SLOTS];

    private final Thread thread = Thread.currentThread();

    static ThreadState current() {
        Thread t = Thread.currentThread();
        ThreadState c = primary;
        if (c != null && c.thread == t) {
            return c;
        }
        c = BY_THREAD[slot(t)];
        if (c != null && c.thread == t) {
            return c;
        }
        return CURRENT.get();
    }

    @SuppressWarnings("deprecation") // Thread.getId(): Thread.threadId() needs Java 19
    private static int slot(Thread t) {
        return (int) t.getId() & (SLOTS - 1);
    }

    /** A thread's first use of the engine: its state, published where {@link #current} looks first. */
    private static ThreadState create() {
        ThreadState c = new ThreadState();
        ThreadState p = primary;
        if (p == null || !p.thread.isAlive()) {
            primary = c;
            return c;
        }
        int i = slot(c.thread);
        ThreadState owner = BY_THREAD[i];
        if (owner == null || !owner.thread.isAlive()) {
            BY_THREAD[i] = c;
        }
        return c;
    }

    /** The computed or effect whose reads become dependencies; {@code null} while untracked. */
    @Nullable Node activeSub;

    /**
     * The computed whose function called {@code untracked()}, while that block runs: {@link #activeSub} is
     * {@code null} then, yet writes must still be refused. Kept apart so that a recompute, which only sets
     * {@code activeSub}, stores one reference fewer into this long-lived object on entry and on exit.
     */
    @Nullable DerivedNode<?> untrackedIn;

    /** The innermost computed whose function is running on this thread, if any; writes are refused then. */
    @Nullable DerivedNode<?> computing() {
        return activeSub instanceof DerivedNode<?> d ? d : untrackedIn;
    }

    /** Stops tracking for an {@code untracked()} block, remembering a computed it runs in. */
    @Nullable DerivedNode<?> enterUntracked() {
        DerivedNode<?> previous = untrackedIn;
        untrackedIn = computing();
        activeSub = null;
        return previous;
    }

    /** Ends an {@code untracked()} block begun by {@link #enterUntracked}. */
    void exitUntracked(@Nullable Node sub, @Nullable DerivedNode<?> previousUntrackedIn) {
        activeSub = sub;
        untrackedIn = previousUntrackedIn;
    }

    /** Who owns effects created now: an {@link EffectScope}, a running {@link EffectNode}, or nobody. */
    @Nullable Owner owner;

    int batchDepth;

    /** How many computed functions are running on this thread, one inside another. */
    int evalDepth;

    /** The node whose evaluation was deferred to the outermost evaluation; set while the runs above unwind. */
    @Nullable DerivedNode<?> deferred;

    private @Nullable DeferredEvaluation deferral;

    /** Defers {@code node}'s evaluation to the outermost one: returns the signal to throw. */
    DeferredEvaluation defer(DerivedNode<?> node) {
        deferred = node;
        return deferral();
    }

    /** The signal unwinding the runs above a deferred evaluation; one per thread, without a stack trace. */
    DeferredEvaluation deferral() {
        DeferredEvaluation d = deferral;
        if (d == null) {
            d = new DeferredEvaluation();
            deferral = d;
        }
        return d;
    }

    /** The outermost evaluation takes the deferred node, ending the unwinding. */
    DerivedNode<?> takeDeferred() {
        DerivedNode<?> node = java.util.Objects.requireNonNull(deferred);
        deferred = null;
        return node;
    }

    /**
     * Unwinds the computed runs between the outermost evaluation and a deferred one (see
     * {@link DerivedNode#recompute}). An {@code Error}, so that functions catching exceptions around their
     * reads let it pass; one that catches it anyway is noticed through {@link #deferred} and aborted all the same.
     */
    static final class DeferredEvaluation extends Error {
        private static final long serialVersionUID = 1L;

        DeferredEvaluation() {
            super("evaluation deferred to the outermost read on this thread", null, false, false);
        }
    }

    // ---------------------------------------------------------------- domain locks held (see Domain)

    /**
     * The domains this thread holds, in the order taken; released newest first. Slots past {@link #heldCount}
     * keep their last domain (a domain references no node): a thread that takes the same lock again and again
     * then stores nothing, which matters because a reference store into this long-lived object costs a GC
     * write barrier with a full fence (G1 before JDK 26).
     */
    private Domain[] held = new Domain[4];
    /** {@code lowest[i]}: the lowest order among {@code held[0..i]}. */
    private long[] lowest = new long[4];
    private int heldCount;
    /** Open {@link Domain#enter}s (and joins) on this thread; the held locks are released when it drops to 0. */
    int lockDepth;

    int heldCount() {
        return heldCount;
    }

    /** The lowest order among the held domains; call only while some are held. */
    long lowestHeldOrder() {
        return lowest[heldCount - 1];
    }

    void pushHeld(Domain d) {
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, heldCount * 2);
            lowest = Arrays.copyOf(lowest, heldCount * 2);
        }
        lowest[heldCount] = heldCount == 0 ? d.order : Math.min(d.order, lowest[heldCount - 1]);
        if (held[heldCount] != d) {
            held[heldCount] = d;
        }
        heldCount++;
    }

    Domain heldAt(int index) {
        return held[index];
    }

    Domain popHeld() {
        return held[--heldCount];
    }

    /**
     * Whether an untracked read must join the domain this thread holds: user code running under a domain's
     * lock (a function, an updater, an equality) sees one consistent state only if what it reads cannot
     * change meanwhile. Not in listeners: they observe, cannot be run again, and read whatever is current.
     */
    boolean readsJoin() {
        return heldCount != 0 && !inListener;
    }

    /** The domains to merge before the restarted operation runs again; non-null while unwinding. */
    private Domain @Nullable [] restartMerge;
    private Domain.@Nullable Restart restartSignal;

    /**
     * A lock of {@code wanted} was wanted out of order and is held elsewhere: remembers what to merge and
     * returns the signal that unwinds to the outermost locked operation. Inside a listener, which cannot be
     * run again, the read is refused instead.
     */
    Throwable restart(Domain wanted) {
        if (inListener) {
            return new IllegalStateException("A ReaktivListener read a value of another graph that another "
                    + "thread is updating; listeners run under the engine's lock of the node they observe and "
                    + "cannot wait for another graph's lock. Read other graphs from an effect instead.");
        }
        Domain[] merge = Arrays.copyOf(held, heldCount + 1);
        merge[heldCount] = wanted;
        restartMerge = merge;
        Domain.Restart r = restartSignal;
        if (r == null) {
            r = new Domain.Restart();
            restartSignal = r;
        }
        return r;
    }

    /** Whether a restart is unwinding this thread (user code that caught it is aborted all the same). */
    boolean restarting() {
        return restartMerge != null;
    }

    /** The signal to rethrow where user code swallowed it. */
    Error restartSignal() {
        return java.util.Objects.requireNonNull(restartSignal);
    }

    /** The outermost operation takes what to merge, ending the unwinding. */
    Domain[] takeRestart() {
        Domain[] merge = java.util.Objects.requireNonNull(restartMerge);
        restartMerge = null;
        return merge;
    }

    /** The effect whose body runs on this thread (innermost): its writes extend its chain of runs. */
    @Nullable EffectNode runningEffect;

    /** Set while a listener's {@code onWrite} or {@code onRecompute} runs: writes are refused then. */
    boolean inListener;

    /**
     * The signal whose updater or custom equality is running on this thread (innermost), or {@code null}: a
     * write to it from there would be lost or recurse, so it is refused.
     */
    @Nullable Node updating;

    /** True while this thread runs effects; writes made meanwhile only queue their effects. */
    boolean flushing;

    /** Effects notified by this thread's writes, to run when its outermost write or batch ends. */
    final ArrayDeque<EffectNode> queue = new ArrayDeque<>();

    /** The explicit stack of the iterative graph walks; {@link #sp} is its top. Reused, never shrunk. */
    private Link[] stack = new Link[32];
    private int sp;

    int mark() {
        return sp;
    }

    /** Back to {@code mark}, forgetting what a walk that ended abnormally left above it (nothing, normally). */
    void reset(int mark) {
        while (sp > mark) {
            stack[--sp] = null;
        }
    }

    void push(Link link) {
        if (sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = link;
    }

    /** The link at {@code index} of the walk stack, below {@link #mark()}. */
    Link at(int index) {
        return stack[index];
    }

    Link pop() {
        Link link = stack[--sp];
        stack[sp] = null;
        return link;
    }
}
