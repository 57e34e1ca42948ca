package io.reaktiv;

import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * An effect: runs its body outside every lock, tracking reads, whenever something it read changed.
 *
 * <p>Implementation notes. The run state, guarded by the lock of the effect's {@link Domain}:
 * <ul>
 *   <li><b>idle</b> — not {@link #running}. A notification sets {@link #notified} and queues the effect on the
 *   writing thread ({@link #queuedIn}); when that thread's write or batch ends, the effect's
 *   {@link EffectScheduler} runs it (the synchronous one at once, on that thread; an executor later, with
 *   {@link #dispatched} coalescing repeated notifications into one run).</li>
 *   <li><b>claimed</b> — {@code running}: {@link #claim()} is the only way in, and exactly one of
 *   {@link #finishRun} (under that lock, at the end of a run), {@link #abandonClaim} (a run that will not
 *   happen, or anything unexpected thrown on the way, in {@code finally}) or {@link #releaseAsLoop} is the
 *   way out. The claimant owns {@link #cleanups} and the dependency cursor. A notification meanwhile only sets
 *   {@code notified}, and {@code finishRun} then decides on one more run. So the effect never runs
 *   concurrently with itself and no notification is lost.</li>
 *   <li><b>in flight</b> — still claimed, while an async run's stage ({@link #inFlight}) completes; the
 *   completion ends the run like {@code finishRun} does, on the completing thread. An async effect so never
 *   has two runs in flight.</li>
 *   <li><b>disposed</b> — {@link #disposed}, final: no run is claimed any more; whoever releases the last
 *   claim (or the disposer, if idle) unlinks the effect and runs its cleanups.</li>
 * </ul>
 * Beside it, each run carries its depth in a chain of effect runs ({@link #runDepth}): loops of effects that
 * do not settle are stopped by depth, whatever threads they run on.
 */
final class EffectNode extends Node implements Effect, OnCleanup, Owner, Disposable {

    /** A chain of this many effect runs, each caused by a write of the run before, is a loop and is stopped. */
    static final int MAX_EFFECT_RERUNS = 100;

    private final @Nullable EffectFunction body;
    private final @Nullable AsyncEffectFunction asyncBody;
    private final EffectScheduler scheduler;
    private final @Nullable EffectErrorHandler errorHandler;
    /** What the last run threw, until a run succeeds; for introspection. */
    private volatile @Nullable Throwable lastError;

    /** Claimed: a run is executing or in flight. Guarded by the lock. */
    private boolean running;
    /** A dependency may have changed since the last run was claimed. Guarded by the lock. */
    private boolean notified;
    /** Handed to a non-synchronous scheduler and not started yet. Guarded by the lock. */
    private boolean dispatched;
    /** At least one run finished, so a notification must be validated (versions) first. Guarded by the lock. */
    private boolean hasRun;
    /** The last thread state that queued this effect and has not polled it yet. Guarded by the lock. */
    private @Nullable ThreadState queuedIn;
    /**
     * The longest chain of effect runs behind the notifications since the last claim: 0 for a write from
     * outside every effect, n + 1 for a write made by a run at depth n ({@link #runDepth}). A chain reaching
     * {@link EffectNode#MAX_EFFECT_RERUNS} is a loop of effects that does not settle (one effect re-triggering
     * itself, or several feeding each other, on any threads and schedulers) and is stopped. Guarded by the lock.
     */
    private int pendingDepth;
    /** The effect whose run made the deepest pending notification, for the cycle's message. Guarded by the lock. */
    private @Nullable EffectNode pendingCause;
    /** The chain depth of the claimed run; read by the thread running it. Written under the lock. */
    private int runDepth;
    /** The effect whose write caused the claimed run, if any. Written under the lock. */
    private @Nullable EffectNode runCause;
    /** The stage of the async run in flight. Guarded by the lock. */
    private @Nullable CompletableFuture<?> inFlight;

    private volatile boolean disposed;
    /**
     * The thread running the body; cleanups may be registered from it only. Written under the lock; read by
     * that thread itself, so a plain field suffices.
     */
    private @Nullable Thread runner;
    private @Nullable ArrayList<Runnable> cleanups;
    private @Nullable Owner owner;

    private EffectNode(@Nullable EffectFunction body, @Nullable AsyncEffectFunction asyncBody,
            EffectOptions options) {
        super(options.name());
        this.body = body;
        this.asyncBody = asyncBody;
        EffectScheduler s = options.scheduler();
        this.scheduler = s != null ? s : Reaktiv.defaultScheduler();
        this.errorHandler = options.errorHandler();
    }

    /** Creates an effect and runs it (now, at the end of this thread's batch, or on its scheduler). */
    static EffectNode create(EffectFunction body, EffectOptions options) {
        Objects.requireNonNull(body, "effect function");
        return start(new EffectNode(body, null, Objects.requireNonNull(options, "options")));
    }

    /** Creates an async effect: its body returns a stage, and it counts as running until the stage completes. */
    static EffectNode createAsync(AsyncEffectFunction body, EffectOptions options) {
        Objects.requireNonNull(body, "async effect function");
        return start(new EffectNode(null, body, Objects.requireNonNull(options, "options")));
    }

    private static EffectNode start(EffectNode effect) {
        ThreadState ts = ThreadState.current();
        DerivedNode<?> computing = ts.computing();
        if (computing != null) {
            throw new IllegalStateException("Cannot create an effect while computing " + computing.label()
                    + ": a computed's function must not have side effects.");
        }
        Owner owner = ts.owner;
        if (owner != null) {
            effect.owner = owner;
            owner.adopt(effect);
            if (effect.disposed) {
                return effect; // created in a disposed scope: never runs
            }
        }
        boolean runHere;
        boolean outermost = Domain.enter(effect, ts);
        try {
            effect.notified = true;
            // Created under a lock (in an updater): queued, and run once the write releases it.
            boolean deferred = ts.batchDepth > 0 || !outermost;
            runHere = !deferred && effect.scheduler == EffectScheduler.synchronous();
            if (runHere) {
                effect.notified = false;
                effect.claim();
            } else if (deferred) {
                effect.queuedIn = ts;
                ts.queue.addLast(effect);
                return effect;
            } else {
                effect.dispatched = true;
            }
        } finally {
            Domain.exit(ts);
        }
        if (runHere) {
            effect.runOnThisThread(ts);
        } else {
            effect.submit();
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

    /** A dependency may have changed. Domain lock held. */
    void notifyChanged(ThreadState ts) {
        if (disposed) {
            return;
        }
        notified = true;
        EffectNode by = ts.runningEffect;
        int depth = by == null ? 0 : by.runDepth + 1;
        if (depth > pendingDepth) {
            pendingDepth = depth;
            pendingCause = by;
        }
        if (!running && !dispatched && queuedIn != ts) {
            queuedIn = ts;
            ts.queue.addLast(this);
        }
    }

    /** Called by the flush of {@code ts}: hands the effect to its scheduler if it is still due. */
    void dispatch(ThreadState ts) {
        if (scheduler == EffectScheduler.synchronous()) {
            runIfNotified(ts);
            return;
        }
        Domain.enter(this, ts);
        try {
            if (queuedIn == ts) {
                queuedIn = null;
            }
            if (disposed || running || dispatched || !notified) {
                return;
            }
            dispatched = true;
        } finally {
            Domain.exit(ts);
        }
        submit();
    }

    private void submit() {
        try {
            scheduler.execute(this::runScheduled);
        } catch (Throwable rejected) {
            ThreadState ts = ThreadState.current();
            Domain.enter(this, ts);
            try {
                dispatched = false;
            } finally {
                Domain.exit(ts);
            }
            rejectedBy(rejected);
        }
    }

    /**
     * Whether {@code rejection}, thrown by {@code scheduler}'s {@link #execute}, is final: the scheduler will
     * never run anything again. An effect refused for good becomes inactive instead of failing on every write.
     */
    private static boolean rejectsForever(EffectScheduler scheduler, Throwable rejection) {
        if (scheduler instanceof ExecutorEffectScheduler executorScheduler) {
            return executorScheduler.isShutdown() || executorScheduler.executorIsShutdown();
        }
        return rejection instanceof java.util.concurrent.RejectedExecutionException;
    }

    /**
     * The scheduler refused a run. A scheduler that will never accept one again (shut down) leaves the effect
     * nothing to run on: it becomes inactive (disposed), reported once, instead of reporting every later write.
     * A passing refusal (a saturated executor) is reported and the effect stays due.
     */
    private void rejectedBy(Throwable rejected) {
        if (!rejectsForever(scheduler, rejected)) {
            report(rejected);
            return;
        }
        if (disposeFirst()) { // one report, however many threads were refused at once
            report(new IllegalStateException("Effect " + label() + " is now inactive (disposed): its scheduler "
                    + scheduler + " was shut down and accepts no more runs. Create effects on a running "
                    + "scheduler, or dispose them before shutting it down.", rejected));
        }
    }

    /** The task a scheduler runs: one due run, with this thread's own writes flushed after it. */
    private void runScheduled() {
        ThreadState ts = ThreadState.current();
        Domain.enter(this, ts);
        try {
            dispatched = false;
        } finally {
            Domain.exit(ts);
        }
        boolean outer = !ts.flushing;
        ts.flushing = true;
        try {
            runIfNotified(ts);
        } finally {
            if (outer) {
                ts.flushing = false;
                EffectQueue.flushIfIdle(ts);
            }
        }
    }

    /** Runs the effect on this thread if it is still due and nobody else runs it. */
    private void runIfNotified(ThreadState ts) {
        CycleDetectedException loop = null;
        while (true) {
            boolean outermost = Domain.enter(this, ts);
            try {
                if (queuedIn == ts) {
                    queuedIn = null;
                }
                if (disposed || running || !notified) {
                    return;
                }
                boolean due = !hasRun || dependenciesChangedOrUnknown(ts);
                notified = false;
                if (!due) {
                    return;
                }
                claim();
                if (runDepth >= MAX_EFFECT_RERUNS) {
                    loop = releaseAsLoop();
                }
                break;
            } catch (Domain.Restart restart) {
                if (!outermost) {
                    throw restart;
                }
            } finally {
                Domain.exit(ts);
            }
            Domain.mergeForRetry(ts); // validating met a computed reading another graph in use elsewhere
        }
        if (loop != null) {
            report(loop);
            return;
        }
        runClaimed(ts);
    }

    /**
     * Whether a dependency changed; {@code true} too when finding out failed (a computed on the way threw JVM
     * trouble, which is not memoized): the run then reads it and reports what it throws. Domain lock held.
     */
    private boolean dependenciesChangedOrUnknown(ThreadState ts) {
        try {
            return Engine.dependenciesChanged(this, ts);
        } catch (Throwable unknown) {
            if (ts.restarting()) {
                throw ts.restartSignal();
            }
            ts.deferred = null;
            return true;
        }
    }

    /** Runs a claimed effect with this thread's writes queued meanwhile, then flushes them. */
    private void runOnThisThread(ThreadState ts) {
        if (ts.flushing) {
            runClaimed(ts);
            return;
        }
        ts.flushing = true;
        try {
            runClaimed(ts);
        } finally {
            ts.flushing = false;
        }
        EffectQueue.flushIfIdle(ts);
    }

    /** The flush of {@code ts} ended abnormally: the effect stays notified but is no longer queued there. */
    void forgetQueue(ThreadState ts) {
        Domain.enter(this, ts);
        try {
            if (queuedIn == ts) {
                queuedIn = null;
            }
        } finally {
            Domain.exit(ts);
        }
    }

    /** Takes the run: nobody else runs this effect until it is released. Domain lock held. */
    private void claim() {
        running = true;
        runner = Thread.currentThread();
        runDepth = pendingDepth;
        runCause = pendingCause;
        pendingDepth = 0;
        pendingCause = null;
    }

    /** Gives back a claim without running: the loop it continues is stopped. Domain lock held. */
    private CycleDetectedException releaseAsLoop() {
        CycleDetectedException loop = loopError();
        running = false;
        runner = null;
        runCause = null;
        return loop;
    }

    /**
     * Runs the claimed effect, again while notifications that arrived during a run changed what it read. The
     * claim is released on every way out: by {@link #finishRun}, by handing it to an async run's stage, or, if
     * anything unexpected is thrown on the way (JVM trouble), in {@code finally}.
     */
    private void runClaimed(ThreadState ts) {
        boolean handedOff = false;
        try {
            while (true) {
                runCleanups(takeCleanups());
                if (disposed) {
                    // Disposed after this run was claimed (or queued by resume): it must not start.
                    handedOff = true;
                    abandonClaim(ts);
                    return;
                }
                Object outcome = runBody(ts);
                Throwable error = null;
                if (outcome instanceof Throwable t) {
                    error = t;
                } else if (outcome instanceof CompletableFuture<?> stage) {
                    if (!stage.isDone() && startWaiting(stage, ts)) {
                        handedOff = true;
                        return; // finished by whenStageCompletes
                    }
                    error = stageFailure(stage);
                }
                if (error != null) {
                    report(error);
                } else if (lastError != null) {
                    lastError = null; // a volatile store is a full fence: only when there is something to clear
                }
                RunEnd next = endRun(error == null, ts);
                if (next == RunEnd.AGAIN) {
                    continue;
                }
                handedOff = true;
                afterLastRun(next);
                return;
            }
        } finally {
            if (!handedOff) {
                abandonClaim(ts);
            }
        }
    }

    /**
     * Ends a run under the domain's lock: drops the dependencies it did not read again (or, after a failure,
     * keeps every one, the previous run's too: the effect reacts to any of them), then {@link #finishRun}.
     */
    private RunEnd endRun(boolean succeeded, ThreadState ts) {
        while (true) {
            boolean outermost = Domain.enter(this, ts);
            try {
                if (succeeded) {
                    Engine.trimDeps(this, ts);
                } else {
                    Engine.keepAllDeps(this, ts);
                }
                return finishRun(ts);
            } catch (Domain.Restart restart) {
                if (!outermost) {
                    throw restart;
                }
            } finally {
                Domain.exit(ts);
            }
            Domain.mergeForRetry(ts); // both steps above can be repeated
        }
    }

    /** What {@link #finishRun} decided. */
    private enum RunEnd {
        /** Released; nothing is due. */
        DONE,
        /** Still claimed: a notification during the run changed what it read, so it runs again. */
        AGAIN,
        /** Released and unlinked: disposed during the run; its cleanups are still to run. */
        DISPOSED,
        /** Released: the run continued a loop of effects that does not settle; the loop is to be reported. */
        LOOP
    }

    /**
     * Ends a run under the domain's lock: unlinks a disposed effect, or decides whether a notification that arrived
     * meanwhile calls for another run (the effect then stays claimed, at the depth of that notification's
     * chain). A chain that reached {@link EffectNode#MAX_EFFECT_RERUNS} is a loop and stops here. Domain lock held.
     */
    private RunEnd finishRun(ThreadState ts) {
        // Validation first: it may restart the operation (see Domain), and must leave nothing changed then.
        boolean changed = !disposed && notified && dependenciesChangedOrUnknown(ts);
        hasRun = true;
        RunEnd next = RunEnd.DONE;
        if (disposed) {
            Engine.unlinkAllDeps(this, ts);
            next = RunEnd.DISPOSED;
        } else if (notified) {
            notified = false;
            if (changed) {
                next = pendingDepth < MAX_EFFECT_RERUNS ? RunEnd.AGAIN : RunEnd.LOOP;
            }
        }
        if (next == RunEnd.AGAIN) {
            claim();
        } else {
            running = false;
            runner = null;
            runCause = null;
            if (next == RunEnd.LOOP) {
                stoppedLoop = loopError();
                pendingDepth = 0;
                pendingCause = null;
            }
        }
        return next;
    }

    /** The loop found by {@link #finishRun}, reported by {@link #afterLastRun}. Guarded by the lock. */
    private @Nullable CycleDetectedException stoppedLoop;

    /**
     * Outside every lock, after {@link #finishRun} released the effect: runs the cleanups of a disposed effect
     * (nobody else touches them once it is disposed and released) or reports a loop that was stopped.
     */
    private void afterLastRun(RunEnd outcome) {
        if (outcome == RunEnd.DISPOSED) {
            runCleanups(takeCleanups());
        } else if (outcome == RunEnd.LOOP) {
            CycleDetectedException loop;
            ThreadState ts = ThreadState.current();
            Domain.enter(this, ts);
            try {
                loop = stoppedLoop;
                stoppedLoop = null;
            } finally {
                Domain.exit(ts);
            }
            if (loop != null) {
                report(loop);
            }
        }
    }

    /**
     * The loop behind the pending notification: this effect alone (it keeps changing what it reads), or the
     * effects that keep triggering one another, named in the order they ran. Domain lock held.
     */
    private CycleDetectedException loopError() {
        EffectNode cause = pendingCause != null ? pendingCause : runCause;
        if (cause == null || cause == this) {
            return new CycleDetectedException("Effect " + label() + " ran " + MAX_EFFECT_RERUNS
                    + " times in a row because each run changed a value it reads; stopped until the next change. "
                    + "Check for an effect that writes a signal it reads without reaching a stable value.");
        }
        java.util.ArrayDeque<String> chain = new java.util.ArrayDeque<>();
        java.util.Set<EffectNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        chain.push(label());
        seen.add(this);
        for (EffectNode e = cause; e != null && chain.size() < 10; e = e.runCause) {
            chain.push(e.label());
            if (!seen.add(e)) {
                break;
            }
        }
        return new CycleDetectedException("Effects " + String.join(" -> ", chain) + " kept triggering one "
                + "another: " + MAX_EFFECT_RERUNS + " runs in a chain, each caused by a write of the run "
                + "before, without settling; " + label() + " is stopped until the next change from outside the "
                + "loop. Check for effects that write each other's inputs without reaching a stable value.");
    }

    /**
     * Parks the run until its stage completes. Returns false if the effect was disposed meanwhile (the stage
     * is cancelled and the run ends normally).
     */
    private boolean startWaiting(CompletableFuture<?> stage, ThreadState ts) {
        Domain.enter(this, ts);
        try {
            Engine.trimDeps(this, ts);
            hasRun = true;
            if (disposed) {
                stage.cancel(true);
                return false;
            }
            inFlight = stage;
            // The body's thread is free again: its later writes are not part of this effect's chain of runs,
            // and it can no longer register cleanups for this run.
            runner = null;
        } finally {
            Domain.exit(ts);
        }
        try {
            scheduler.asyncRunStarted();
        } catch (Throwable schedulerFailure) {
            Failures.logIgnored("The scheduler " + scheduler + " failed in asyncRunStarted for " + this,
                    schedulerFailure);
        }
        stage.whenComplete((value, failure) -> whenStageCompletes(stage));
        return true;
    }

    /** An async run's stage completed (on whatever thread completed it): report, then run again if due. */
    private void whenStageCompletes(CompletableFuture<?> stage) {
        ThreadState ts = ThreadState.current();
        boolean released = false;
        try {
            Throwable error = stageFailure(stage);
            if (error != null) {
                report(error);
            } else if (lastError != null) {
                lastError = null;
            }
            RunEnd next = endAsyncRun(ts);
            released = true;
            if (next == RunEnd.AGAIN) {
                resume();
            } else {
                afterLastRun(next);
            }
        } finally {
            try {
                if (!released) {
                    abandonClaim(ts);
                }
            } finally {
                try {
                    scheduler.asyncRunEnded();
                } catch (Throwable schedulerFailure) {
                    Failures.logIgnored("The scheduler " + scheduler + " failed in asyncRunEnded for " + this,
                            schedulerFailure);
                }
            }
        }
    }

    /** {@link #finishRun} for an async run whose stage completed. */
    private RunEnd endAsyncRun(ThreadState ts) {
        while (true) {
            boolean outermost = Domain.enter(this, ts);
            try {
                inFlight = null;
                return finishRun(ts);
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

    /** Runs the next run of a still-claimed async effect through its scheduler. */
    private void resume() {
        try {
            scheduler.execute(() -> {
                ThreadState ts = ThreadState.current();
                Domain.enter(this, ts);
                try {
                    runner = Thread.currentThread();
                } finally {
                    Domain.exit(ts);
                }
                runOnThisThread(ts);
            });
        } catch (Throwable rejected) {
            abandonClaim(ThreadState.current());
            rejectedBy(rejected);
        }
    }

    /**
     * Gives up a claimed run that will not happen: releases the effect, and if it was disposed meanwhile
     * finishes the disposal (unlink, cleanups) that dispose() left to the claimant; otherwise the effect stays
     * due, so the next change or dispatch runs it.
     */
    private void abandonClaim(ThreadState ts) {
        ArrayList<Runnable> list = null;
        Domain.enter(this, ts);
        try {
            running = false;
            runner = null;
            runCause = null;
            inFlight = null;
            if (disposed) {
                Engine.unlinkAllDeps(this, ts);
                list = takeCleanups();
            } else {
                notified = true;
            }
        } finally {
            Domain.exit(ts);
        }
        runCleanups(list);
    }

    /** The failure of a completed stage; a cancellation caused by dispose() is not a failure. */
    private @Nullable Throwable stageFailure(CompletableFuture<?> stage) {
        if (!stage.isCompletedExceptionally()) {
            return null;
        }
        try {
            stage.join();
            return null;
        } catch (CancellationException cancelled) {
            return disposed ? null : cancelled;
        } catch (CompletionException failed) {
            return failed.getCause() != null ? failed.getCause() : failed;
        }
    }

    /** Runs the body once, tracking reads; returns a thrown exception, the async stage, or null. */
    private @Nullable Object runBody(ThreadState ts) {
        ReaktivListener[] listeners = Listeners.current();
        long start = listeners == null ? 0 : System.nanoTime();
        Node previousSub = ts.activeSub;
        Owner previousOwner = ts.owner;
        EffectNode previousEffect = ts.runningEffect;
        ts.activeSub = this;
        ts.owner = this;
        ts.runningEffect = this;
        depsTail = null;
        runStamp++;
        Object outcome = null;
        try {
            if (body != null) {
                body.run(this);
            } else {
                CompletionStage<?> stage = Objects.requireNonNull(asyncBody).run(this);
                if (stage == null) {
                    throw new NullPointerException("The async effect " + label()
                            + " returned null; return a CompletionStage (for example "
                            + "CompletableFuture.completedFuture(null) when there is nothing to wait for).");
                }
                outcome = stage.toCompletableFuture();
            }
        } catch (Throwable t) {
            outcome = t;
        } finally {
            ts.activeSub = previousSub;
            ts.owner = previousOwner;
            ts.runningEffect = previousEffect;
            entry.runs++;
        }
        if (listeners != null) {
            Listeners.ran(listeners, this, System.nanoTime() - start, outcome instanceof Throwable t ? t : null);
        }
        return outcome;
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
                report(t);
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
        disposeFirst();
    }

    /** Disposes this effect; returns whether this call did (false if it was disposed already). */
    private boolean disposeFirst() {
        ThreadState ts = ThreadState.current();
        ArrayList<Runnable> list = null;
        CompletableFuture<?> toCancel = null;
        Domain.enter(this, ts);
        try {
            if (disposed) {
                return false;
            }
            disposed = true;
            if (running) {
                // The thread finishing the run (or the stage's completion) unlinks and cleans up.
                toCancel = inFlight;
            } else {
                Engine.unlinkAllDeps(this, ts);
                list = takeCleanups();
            }
        } finally {
            Domain.exit(ts);
        }
        Owner o = owner;
        if (o != null) {
            o.release(this);
        }
        if (toCancel != null) {
            toCancel.cancel(true);
        }
        runCleanups(list);
        return true;
    }

    /** Counts and hands a failure to this effect's error handler (or the process-wide one). Outside every lock. */
    private void report(Throwable error) {
        entry.countError();
        lastError = error;
        Failures.report(this, errorHandler != null ? errorHandler : Reaktiv.errorHandler(), error);
    }

    @Nullable Throwable lastError() {
        return lastError;
    }

    /** For introspection, lock held. */
    boolean isRunningForSnapshot() {
        return running;
    }

    @Override
    public Effect named(String name) {
        setName(name);
        return this;
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }


    @Override
    public String toString() {
        String name = name();
        return "Effect[" + (name != null ? name + ", " : "") + (disposed ? "disposed" : "active") + "]";
    }
}
