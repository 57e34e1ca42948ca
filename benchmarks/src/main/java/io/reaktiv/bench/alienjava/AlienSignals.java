package io.reaktiv.bench.alienjava;

import static io.reaktiv.bench.alienjava.ReactiveFlags.DIRTY;
import static io.reaktiv.bench.alienjava.ReactiveFlags.MUTABLE;
import static io.reaktiv.bench.alienjava.ReactiveFlags.NONE;
import static io.reaktiv.bench.alienjava.ReactiveFlags.PENDING;
import static io.reaktiv.bench.alienjava.ReactiveFlags.RECURSED;
import static io.reaktiv.bench.alienjava.ReactiveFlags.RECURSED_CHECK;
import static io.reaktiv.bench.alienjava.ReactiveFlags.WATCHING;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The public layer of alien-signals 3.2.1 ({@code src/index.ts}) on top of {@link ReactiveSystem}: signals,
 * computeds, effects, effect scopes, {@code trigger}, batches and the effect queue.
 *
 * <p>The original keeps its state ({@code activeSub}, {@code batchDepth}, the queue, ...) in module variables;
 * here they are the fields of one instance, {@link #SYSTEM}, that every node uses. Not thread-safe.
 *
 * <p>Values: JavaScript compares them with {@code !==}, which is value equality for numbers and identity for
 * objects. {@link #same} is that comparison for Java's boxed values.
 */
public final class AlienSignals extends ReactiveSystem {

    /** The version of alien-signals this class was ported from. */
    public static final String PORTED_VERSION = "3.2.1";

    /**
     * Marks a parent (effect, scope or computed) whose deps include at least one child effect, so that only such
     * parents pay for the walk that disposes children before a re-run. Outside {@link ReactiveFlags}' range.
     */
    private static final int HAS_CHILD_EFFECT = 64;

    private static final AlienSignals SYSTEM = new AlienSignals();

    /** Numbers every computed and effect run: the version of the edges created during that run. */
    private int cycle;
    /** How many effect bodies are running (nested): a write during a run is an "inner write". */
    private int runDepth;
    private int batchDepth;
    private int notifyIndex;
    private int queuedLength;
    /** The node whose reads are tracked now, or {@code null}. */
    private ReactiveNode activeSub;
    /** The effects to run at the next flush, {@code notifyIndex..queuedLength-1}; grows like a JS array. */
    private Effect[] queued = new Effect[64];

    private AlienSignals() {}

    // ------------------------------------------------------------------ public API (index.ts exports)

    /**
     * Returns the node whose reads are tracked now.
     *
     * @return the active subscriber, or {@code null}
     */
    public static ReactiveNode getActiveSub() {
        return SYSTEM.activeSub;
    }

    /** Starts a batch: effects wait until the outermost batch ends. */
    public static void startBatch() {
        ++SYSTEM.batchDepth;
    }

    /** Ends a batch; the outermost one runs the queued effects. */
    public static void endBatch() {
        AlienSignals s = SYSTEM;
        if (--s.batchDepth == 0) {
            s.flush();
        }
    }

    /**
     * Creates a writable signal.
     *
     * @param initialValue the initial value
     * @param <T> the value type
     * @return the signal
     */
    public static <T> Signal<T> signal(T initialValue) {
        return new Signal<>(initialValue);
    }

    /**
     * Creates a lazy computed. Unlike the original, the getter does not receive the previous value.
     *
     * @param getter computes the value
     * @param <T> the value type
     * @return the computed
     */
    public static <T> Computed<T> computed(Supplier<T> getter) {
        return new Computed<>(getter);
    }

    /**
     * Creates an effect and runs it now. Created inside another effect, scope or computed, it becomes a child of
     * it and is disposed when the parent re-runs or is disposed.
     *
     * @param fn the body; returns a cleanup to run before the next run and on disposal, or {@code null}
     * @return the effect, to dispose it
     */
    public static Effect effect(Supplier<Runnable> fn) {
        return SYSTEM.createEffect(fn);
    }

    /**
     * Runs {@code fn} in a new scope: every effect created in it becomes a child of the scope.
     *
     * @param fn creates effects
     * @return the scope, to dispose them all
     */
    public static EffectScope effectScope(Runnable fn) {
        return SYSTEM.createEffectScope(fn);
    }

    /**
     * Runs {@code fn} and notifies the subscribers of everything it read as if those nodes had changed.
     *
     * @param fn reads the nodes to trigger
     */
    public static void trigger(Runnable fn) {
        SYSTEM.runTrigger(fn);
    }

    // ------------------------------------------------------------------ node types

    /**
     * A writable signal ({@code signalOper}). A write only records the pending value and marks the signal dirty;
     * the value becomes current when it is next read, so that reads during propagation stay consistent.
     *
     * @param <T> the value type
     */
    public static final class Signal<T> extends ReactiveNode implements Supplier<T> {
        T currentValue;
        T pendingValue;

        Signal(T initialValue) {
            super(MUTABLE);
            currentValue = initialValue;
            pendingValue = initialValue;
        }

        /** Reads the value, tracked by the active subscriber. */
        @Override
        public T get() {
            return SYSTEM.readSignal(this);
        }

        /**
         * Writes the value. Equal to the pending value ({@link AlienSignals#same}): nothing happens. Otherwise
         * subscribers are marked pending and, outside a batch, effects run before this returns.
         *
         * @param value the new value
         */
        public void set(T value) {
            SYSTEM.writeSignal(this, value);
        }
    }

    /**
     * A lazy, cached derived value ({@code computedOper}).
     *
     * @param <T> the value type
     */
    public static final class Computed<T> extends ReactiveNode implements Supplier<T> {
        T value;
        final Supplier<T> getter;

        Computed(Supplier<T> getter) {
            super(NONE);
            this.getter = getter;
        }

        /** Returns the value, recomputed first if a dependency changed; tracked by the active subscriber. */
        @Override
        public T get() {
            return SYSTEM.readComputed(this);
        }
    }

    /** An effect ({@code effectOper}). */
    public static final class Effect extends ReactiveNode {
        final Supplier<Runnable> fn;
        Runnable cleanup;

        Effect(Supplier<Runnable> fn) {
            super(WATCHING | RECURSED_CHECK);
            this.fn = fn;
        }

        /** Disposes the effect and its children and runs its cleanup. */
        public void dispose() {
            SYSTEM.disposeEffect(this);
        }
    }

    /** An effect scope ({@code effectScopeOper}). */
    public static final class EffectScope extends ReactiveNode {
        EffectScope() {
            super(MUTABLE);
        }

        /** Disposes every effect created in the scope. */
        public void dispose() {
            SYSTEM.disposeScope(this);
        }
    }

    /** The subscriber of {@link #trigger}: a plain node, neither computed, signal nor effect. */
    private static final class TriggerSub extends ReactiveNode {
        TriggerSub() {
            super(WATCHING);
        }
    }

    /**
     * JavaScript's {@code ===} for the values a Java port holds: boxed numbers by numeric value ({@code NaN} is
     * not equal to itself, {@code 0.0} equals {@code -0.0}), other boxed primitives and strings by value, every
     * other object by identity. A fresh map or array is therefore always a change, as in JavaScript.
     */
    static boolean same(Object a, Object b) {
        if (a instanceof Double) {
            // Before the identity test: the same NaN box written twice is still a change, as in JavaScript.
            return b instanceof Double && ((Double) a).doubleValue() == ((Double) b).doubleValue();
        }
        return a == b || (a instanceof Number || a instanceof String || a instanceof Boolean
                || a instanceof Character) && a.equals(b);
    }

    // ------------------------------------------------------------------ the system's callbacks

    @Override
    boolean update(ReactiveNode node) {
        if (node instanceof Computed) {
            return updateComputed((Computed<?>) node);
        }
        if (node instanceof Signal) {
            return updateSignal((Signal<?>) node);
        }
        node.flags = MUTABLE;
        return true;
    }

    /**
     * Queues an effect, and its parent effects that are still watching, parents first: a parent that re-runs
     * disposes its children, so they must not run before it.
     */
    @Override
    void notify(ReactiveNode node) {
        ReactiveNode effect = node;
        int insertIndex = queuedLength;
        int firstInsertedIndex = insertIndex;

        do {
            if (insertIndex == queued.length) {
                queued = Arrays.copyOf(queued, insertIndex * 2);
            }
            queued[insertIndex++] = (Effect) effect;
            effect.flags &= ~WATCHING;
            Link parent = effect.subs;
            effect = parent != null ? parent.sub : null;
            if (effect == null || (effect.flags & WATCHING) == 0) {
                break;
            }
        } while (true);

        queuedLength = insertIndex;

        while (firstInsertedIndex < --insertIndex) {
            Effect left = queued[firstInsertedIndex];
            queued[firstInsertedIndex++] = queued[insertIndex];
            queued[insertIndex] = left;
        }
    }

    @Override
    void unwatched(ReactiveNode node) {
        if (node instanceof Computed) {
            // Nobody reads it any more: drop its dependencies so it can be collected; the next read recomputes.
            if (node.depsTail != null) {
                node.flags = MUTABLE | DIRTY;
                disposeAllDepsInReverse(node);
            }
        } else if (node instanceof Signal) {
            // Nothing to do: a signal is always mutable and never dirty until its pending value changes.
        } else if (node instanceof Effect) {
            disposeEffect((Effect) node);
        } else {
            disposeScope(node);
        }
    }

    // ------------------------------------------------------------------ implementation

    private ReactiveNode swapActiveSub(ReactiveNode sub) {
        ReactiveNode prevSub = activeSub;
        activeSub = sub;
        return prevSub;
    }

    private Effect createEffect(Supplier<Runnable> fn) {
        Effect e = new Effect(fn);
        ReactiveNode prevSub = swapActiveSub(e);
        if (prevSub != null) {
            link(e, prevSub, 0);
            prevSub.flags |= HAS_CHILD_EFFECT;
        }
        try {
            ++runDepth;
            e.cleanup = e.fn.get();
        } finally {
            --runDepth;
            activeSub = prevSub;
            e.flags &= ~RECURSED_CHECK;
        }
        return e;
    }

    private EffectScope createEffectScope(Runnable fn) {
        EffectScope e = new EffectScope();
        ReactiveNode prevSub = swapActiveSub(e);
        if (prevSub != null) {
            link(e, prevSub, 0);
            prevSub.flags |= HAS_CHILD_EFFECT;
        }
        try {
            fn.run();
        } finally {
            activeSub = prevSub;
        }
        return e;
    }

    private void runTrigger(Runnable fn) {
        TriggerSub sub = new TriggerSub();
        ReactiveNode prevSub = swapActiveSub(sub);
        try {
            fn.run();
        } finally {
            activeSub = prevSub;
            sub.flags = NONE;
            Link link = sub.deps;
            while (link != null) {
                ReactiveNode dep = link.dep;
                link = unlink(link, sub);
                Link subs = dep.subs;
                if (subs != null) {
                    propagate(subs, runDepth != 0);
                    shallowPropagate(subs);
                }
            }
            if (batchDepth == 0) {
                flush();
            }
        }
    }

    private <T> boolean updateComputed(Computed<T> c) {
        if ((c.flags & HAS_CHILD_EFFECT) != 0) {
            disposeChildEffectsInReverse(c);
        }
        c.depsTail = null;
        c.flags = MUTABLE | RECURSED_CHECK;
        ReactiveNode prevSub = swapActiveSub(c);
        try {
            ++cycle;
            T oldValue = c.value;
            T newValue = c.getter.get();
            c.value = newValue;
            return !same(oldValue, newValue);
        } finally {
            activeSub = prevSub;
            c.flags &= ~RECURSED_CHECK;
            purgeDeps(c);
        }
    }

    private static <T> boolean updateSignal(Signal<T> s) {
        s.flags = MUTABLE;
        T oldValue = s.currentValue;
        T newValue = s.pendingValue;
        s.currentValue = newValue;
        return !same(oldValue, newValue);
    }

    /** Runs a queued effect if a dependency really changed; otherwise just makes it watch again. */
    private void run(Effect e) {
        int flags = e.flags;
        if ((flags & DIRTY) != 0 || ((flags & PENDING) != 0 && checkDirty(e.deps, e))) {
            if ((flags & HAS_CHILD_EFFECT) != 0) {
                // Children are disposed (with their cleanups) before the parent's own cleanup.
                disposeChildEffectsInReverse(e);
            }
            if (e.cleanup != null) {
                runCleanup(e);
                if (e.flags == NONE) {
                    return; // the cleanup disposed the effect
                }
            }
            e.depsTail = null;
            e.flags = WATCHING | RECURSED_CHECK;
            ReactiveNode prevSub = swapActiveSub(e);
            try {
                ++cycle;
                ++runDepth;
                e.cleanup = e.fn.get();
            } finally {
                --runDepth;
                activeSub = prevSub;
                e.flags &= ~RECURSED_CHECK;
                purgeDeps(e);
            }
        } else if (e.deps != null) {
            e.flags = WATCHING | (flags & HAS_CHILD_EFFECT);
        }
    }

    /** Unlinks the deps of {@code sub} that are child effects or scopes, last first (disposing them). */
    private void disposeChildEffectsInReverse(ReactiveNode sub) {
        Link link = sub.depsTail;
        while (link != null) {
            Link prev = link.prevDep;
            ReactiveNode dep = link.dep;
            if (!(dep instanceof Computed) && !(dep instanceof Signal)) {
                unlink(link, sub);
            }
            link = prev;
        }
    }

    private void flush() {
        try {
            while (notifyIndex < queuedLength) {
                Effect effect = queued[notifyIndex];
                queued[notifyIndex++] = null;
                run(effect);
            }
        } finally {
            // An effect threw: the ones not run yet watch again, and RECURSED lets the next propagation reach them
            // although their PENDING/DIRTY flags are stale.
            while (notifyIndex < queuedLength) {
                Effect effect = queued[notifyIndex];
                queued[notifyIndex++] = null;
                effect.flags |= WATCHING | RECURSED;
            }
            notifyIndex = 0;
            queuedLength = 0;
        }
    }

    private <T> T readComputed(Computed<T> c) {
        int flags = c.flags;
        boolean dirty;
        if ((flags & DIRTY) != 0) {
            dirty = true;
        } else if ((flags & PENDING) != 0) {
            dirty = checkDirty(c.deps, c);
            if (!dirty) {
                c.flags = flags & ~PENDING;
            }
        } else {
            dirty = false;
        }
        if (dirty) {
            if (updateComputed(c)) {
                Link subs = c.subs;
                if (subs != null) {
                    shallowPropagate(subs);
                }
            }
        } else if (flags == NONE) {
            // First read: compute without the dependency bookkeeping of an update (no cycle, nothing to purge).
            c.flags = MUTABLE | RECURSED_CHECK;
            ReactiveNode prevSub = swapActiveSub(c);
            try {
                c.value = c.getter.get();
            } finally {
                activeSub = prevSub;
                c.flags &= ~RECURSED_CHECK;
            }
        }
        ReactiveNode sub = activeSub;
        if (sub != null) {
            link(c, sub, cycle);
        }
        return c.value;
    }

    private <T> void writeSignal(Signal<T> s, T value) {
        T oldValue = s.pendingValue;
        s.pendingValue = value;
        if (!same(oldValue, value)) {
            s.flags = MUTABLE | DIRTY;
            Link subs = s.subs;
            if (subs != null) {
                propagate(subs, runDepth != 0);
                if (batchDepth == 0) {
                    flush();
                }
            }
        }
    }

    private <T> T readSignal(Signal<T> s) {
        if ((s.flags & DIRTY) != 0) {
            if (updateSignal(s)) {
                Link subs = s.subs;
                if (subs != null) {
                    shallowPropagate(subs);
                }
            }
        }
        ReactiveNode sub = activeSub;
        if (sub != null) {
            link(s, sub, cycle);
        }
        return s.currentValue;
    }

    private void runCleanup(Effect e) {
        Runnable cleanup = e.cleanup;
        e.cleanup = null;
        ReactiveNode prevSub = activeSub;
        activeSub = null;
        try {
            cleanup.run();
        } finally {
            activeSub = prevSub;
        }
    }

    private void disposeEffect(Effect e) {
        disposeScope(e);
        if (e.cleanup != null) {
            runCleanup(e);
        }
    }

    /** {@code effectScopeOper}: also the first half of disposing an effect. */
    private void disposeScope(ReactiveNode node) {
        node.flags = NONE;
        disposeAllDepsInReverse(node);
        Link sub = node.subs;
        if (sub != null) {
            unlink(sub);
        }
    }

    private void disposeAllDepsInReverse(ReactiveNode sub) {
        Link link = sub.depsTail;
        while (link != null) {
            Link prev = link.prevDep;
            unlink(link, sub);
            link = prev;
        }
    }

    /** Unlinks the deps {@code sub} did not read in the run that just ended (those after {@code depsTail}). */
    private void purgeDeps(ReactiveNode sub) {
        Link depsTail = sub.depsTail;
        Link dep = depsTail != null ? depsTail.nextDep : sub.deps;
        while (dep != null) {
            dep = unlink(dep, sub);
        }
    }
}
