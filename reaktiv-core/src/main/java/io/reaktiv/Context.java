package io.reaktiv;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Per-thread engine state: what is tracking reads on this thread, the batch depth, and the effects this
 * thread's writes notified. Never shared: a thread only touches its own context.
 */
final class Context {

    private static final ThreadLocal<Context> CURRENT = ThreadLocal.withInitial(Context::new);

    /**
     * The context of the first thread that used the engine, checked first: every read and write needs the
     * context, and a static load and a thread compare are the cheapest test there is. Written once (racy,
     * benignly: a context found here is checked against the current thread through its final {@link #thread}
     * field, so a stale read only sends a thread down the slower paths); other threads only ever read it, so
     * no cache line bounces between cores.
     */
    private static @Nullable Context primary;

    /**
     * Then contexts by thread id, for the other threads: an id, an array load and a compare cost less than a
     * thread-local hash probe (JMH, two threads reading one signal: 1.78 ns per read through the thread-local,
     * 1.31 ns through a slot). A slot is claimed by the first thread that maps to it and handed on only when
     * that thread has ended, so two live threads never take turns overwriting one slot. Plain accesses suffice
     * for the same reason as {@link #primary}. At most {@code SLOTS} ended threads stay referenced until their
     * slot is reused.
     */
    private static final int SLOTS = 64;
    private static final Context[] BY_THREAD = new Context[SLOTS];

    private final Thread thread = Thread.currentThread();

    static Context current() {
        Thread t = Thread.currentThread();
        Context c = primary;
        if (c != null && c.thread == t) {
            return c;
        }
        c = BY_THREAD[slot(t)];
        if (c != null && c.thread == t) {
            return c;
        }
        return lookup(t);
    }

    @SuppressWarnings("deprecation") // Thread.getId(): Thread.threadId() needs Java 19
    private static int slot(Thread t) {
        return (int) t.getId() & (SLOTS - 1);
    }

    private static Context lookup(Thread t) {
        Context c = CURRENT.get();
        if (primary == null) {
            primary = c;
            return c;
        }
        int i = slot(t);
        Context owner = BY_THREAD[i];
        if (owner == null || !owner.thread.isAlive()) {
            BY_THREAD[i] = c;
        }
        return c;
    }

    /** The computed or effect whose reads become dependencies; {@code null} while untracked. */
    @Nullable Node activeSub;

    /** The innermost computed whose function is running on this thread; writes are refused while set. */
    @Nullable DerivedNode<?> computing;

    /** Who owns effects created now: an {@link EffectScope}, a running {@link EffectNode}, or nobody. */
    @Nullable Owner owner;

    int batchDepth;

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

    Link pop() {
        Link link = stack[--sp];
        stack[sp] = null;
        return link;
    }
}
