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
     * The context of the first thread that used the engine, checked before the thread-local: a thread
     * comparison is a register compare, a thread-local lookup a hash probe, and every read and write needs
     * the context. Written once (racy, benignly: any context found here is correct for its own thread), so
     * other threads only ever read it and no cache line bounces between cores.
     */
    private static @Nullable Context primary;

    private final Thread thread = Thread.currentThread();

    static Context current() {
        Context c = primary;
        if (c != null && c.thread == Thread.currentThread()) {
            return c;
        }
        return lookup();
    }

    private static Context lookup() {
        Context c = CURRENT.get();
        if (primary == null) {
            primary = c;
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

    void reset(int mark) {
        sp = mark;
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
