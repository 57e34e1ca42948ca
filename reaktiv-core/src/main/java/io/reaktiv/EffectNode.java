package io.reaktiv;

import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An effect: runs its body outside the lock, tracking reads, whenever something it read changed.
 *
 * <p>Implementation notes. {@link #running} and {@link #notified} are guarded by the lock. A notification
 * that finds the effect idle queues it on the writing thread; one that finds it running only sets
 * {@code notified}, and the running thread checks that flag (under the lock) when the run ends and runs
 * again. So the effect never runs concurrently with itself and no notification is lost. The thread that
 * claimed a run owns {@link #cleanups} and the dependency cursor until it releases the run; a disposer that
 * finds the effect idle takes them under the lock, after which no run can be claimed.
 */
final class EffectNode extends Node implements Effect, OnCleanup, Owner, Disposable {

    private final EffectFunction body;

    /** Guarded by the lock. */
    private boolean running;
    private boolean notified;
    private boolean hasRun;
    /** The last thread context that queued this effect and has not polled it yet. Guarded by the lock. */
    private @Nullable Context queuedIn;

    private volatile boolean disposed;
    /** The thread running the body; cleanups may be registered from it only. */
    private volatile @Nullable Thread runner;
    private @Nullable ArrayList<Runnable> cleanups;
    private @Nullable Owner owner;

    long runs;
    long errors;

    private EffectNode(EffectFunction body, @Nullable String name) {
        super(name);
        this.body = body;
    }

    /** Creates an effect and runs it now, or at the end of this thread's batch. */
    static EffectNode create(EffectFunction body, @Nullable String name) {
        Objects.requireNonNull(body, "effect function");
        Context ctx = Context.current();
        DerivedNode<?> computing = ctx.computing;
        if (computing != null) {
            throw new IllegalStateException("Cannot create an effect while computing " + computing.label()
                    + ": a computed's function must not have side effects.");
        }
        EffectNode effect = new EffectNode(body, name);
        Owner owner = ctx.owner;
        if (owner != null) {
            effect.owner = owner;
            owner.adopt(effect);
            if (effect.disposed) {
                return effect; // created in a disposed scope: never runs
            }
        }
        Engine.LOCK.lock();
        try {
            if (ctx.batchDepth > 0) {
                effect.notified = true;
                effect.queuedIn = ctx;
                ctx.queue.addLast(effect);
                return effect;
            }
            effect.claim();
        } finally {
            Engine.LOCK.unlock();
        }
        if (ctx.flushing) {
            effect.runClaimed(ctx);
        } else {
            // Writes made by the first run queue their effects; they run right after it.
            ctx.flushing = true;
            try {
                effect.runClaimed(ctx);
            } finally {
                ctx.flushing = false;
            }
            Engine.flushIfIdle(ctx);
        }
        return effect;
    }

    @Override
    NodeKind kind() {
        return NodeKind.EFFECT;
    }

    @Override
    boolean isWatched() {
        return true;
    }

    /** A dependency may have changed. Lock held. */
    void notifyChanged(Context ctx) {
        if (disposed) {
            return;
        }
        notified = true;
        if (!running && queuedIn != ctx) {
            queuedIn = ctx;
            ctx.queue.addLast(this);
        }
    }

    /** Called by the flush of {@code ctx}: runs the effect if it is still due and nobody else runs it. */
    void runIfNotified(Context ctx) {
        Engine.LOCK.lock();
        try {
            if (queuedIn == ctx) {
                queuedIn = null;
            }
            if (disposed || running || !notified) {
                return;
            }
            boolean due = !hasRun || Engine.dependenciesChanged(this, ctx);
            notified = false;
            if (!due) {
                return;
            }
            claim();
        } finally {
            Engine.LOCK.unlock();
        }
        runClaimed(ctx);
    }

    /** The flush of {@code ctx} ended abnormally: the effect stays notified but is no longer queued there. */
    void forgetQueue(Context ctx) {
        if (queuedIn == ctx) {
            queuedIn = null;
        }
    }

    /** Lock held. */
    private void claim() {
        running = true;
        runner = Thread.currentThread();
    }

    /** Runs the claimed effect, again while its own writes keep changing what it read. */
    private void runClaimed(Context ctx) {
        int reruns = 0;
        while (true) {
            runCleanups(takeCleanups());
            Throwable error = runBody(ctx);
            if (error != null) {
                errors++;
                Engine.reportEffectError(this, error);
            }
            boolean again = false;
            boolean disposedNow = false;
            Engine.LOCK.lock();
            try {
                hasRun = true;
                if (error == null) {
                    Engine.trimDeps(this, ctx);
                } else {
                    // Keep every dependency, the previous run's too: the effect reacts to any of them.
                    Engine.keepAllDeps(this);
                }
                if (disposed) {
                    Engine.unlinkAllDeps(this, ctx);
                    disposedNow = true;
                } else if (notified) {
                    notified = false;
                    again = Engine.dependenciesChanged(this, ctx) && ++reruns < Engine.MAX_EFFECT_RERUNS;
                    if (!again && reruns >= Engine.MAX_EFFECT_RERUNS) {
                        errors++;
                        error = new CycleDetectedException("Effect " + label() + " ran "
                                + Engine.MAX_EFFECT_RERUNS + " times in a row because each run changed a value "
                                + "it reads; stopped until the next change. Check for an effect that writes a "
                                + "signal it reads without reaching a stable value.");
                    }
                }
                if (!again) {
                    running = false;
                    runner = null;
                }
            } finally {
                Engine.LOCK.unlock();
            }
            if (disposedNow) {
                runCleanups(takeCleanups());
                return;
            }
            if (!again) {
                if (error instanceof CycleDetectedException) {
                    Engine.reportEffectError(this, error);
                }
                return;
            }
        }
    }

    private @Nullable Throwable runBody(Context ctx) {
        ReaktivListener[] listeners = Listeners.current();
        long start = listeners == null ? 0 : System.nanoTime();
        Node previousSub = ctx.activeSub;
        Owner previousOwner = ctx.owner;
        ctx.activeSub = this;
        ctx.owner = this;
        depsTail = null;
        Throwable error = null;
        try {
            body.run(this);
        } catch (Throwable t) {
            error = t;
        } finally {
            ctx.activeSub = previousSub;
            ctx.owner = previousOwner;
            runs++;
        }
        if (listeners != null) {
            Listeners.ran(listeners, this, System.nanoTime() - start, error);
        }
        return error;
    }

    // ---------------------------------------------------------------- cleanup and ownership

    @Override
    public void accept(Runnable cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        if (Thread.currentThread() != runner) {
            throw new IllegalStateException("OnCleanup of effect " + label()
                    + " can only be used while the effect runs, on the thread running it.");
        }
        ArrayList<Runnable> list = cleanups;
        if (list == null) {
            list = new ArrayList<>(2);
            cleanups = list;
        }
        list.add(cleanup);
    }

    private @Nullable ArrayList<Runnable> takeCleanups() {
        ArrayList<Runnable> list = cleanups;
        cleanups = null;
        return list;
    }

    private void runCleanups(@Nullable ArrayList<Runnable> list) {
        if (list == null) {
            return;
        }
        for (Runnable cleanup : list) {
            try {
                cleanup.run();
            } catch (Throwable t) {
                errors++;
                Engine.reportEffectError(this, t);
            }
        }
    }

    /** Effects created during a run belong to it: they are disposed before the next run and on dispose. */
    @Override
    public void adopt(Disposable owned) {
        accept(owned::dispose);
    }

    @Override
    public void release(Disposable owned) {
        // The cleanup registered by adopt() disposes it again, which is a no-op.
    }

    @Override
    public void dispose() {
        Context ctx = Context.current();
        ArrayList<Runnable> list;
        Engine.LOCK.lock();
        try {
            if (disposed) {
                return;
            }
            disposed = true;
            if (running) {
                // The running thread finishes the run, then unlinks and cleans up.
                list = null;
            } else {
                Engine.unlinkAllDeps(this, ctx);
                list = takeCleanups();
            }
        } finally {
            Engine.LOCK.unlock();
        }
        Owner o = owner;
        if (o != null) {
            o.release(this);
        }
        runCleanups(list);
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }

    @Override
    public @Nullable String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Effect[" + (name != null ? name + ", " : "") + (disposed ? "disposed" : "active") + "]";
    }
}
