package io.reaktiv;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Resource} implementation, built on the public API, plus the thread's effect owner (see below).
 *
 * <p>Implementation notes. The whole state (status, value, error, params, load id) lives in one private
 * signal, so every transition is a single atomic {@link Signal#update}; the public signals are computeds over
 * it. A synchronous effect (the <em>watcher</em>) reads the params computed and a reload counter; each of its
 * runs cancels the load in flight and starts a new one (or goes idle). Every load has a unique id; its
 * completion only applies if the state still says that very load is in flight (same id, loading status,
 * cancellation not flagged), which is checked inside the atomic update, so a superseded result can never
 * overwrite a newer state. {@link #current} holds the load in flight so that {@link #set}, {@link #destroy}
 * and the next watcher run can cancel it; only watcher runs (which never run concurrently) install loads.
 *
 * <p>User code (the executor, the loader, the stage's cancellation, cancellation callbacks) is called with no
 * {@linkplain ThreadState#owner owner} on the thread: effects it creates must not belong to the watcher, which
 * would dispose them on its next run (an inline executor runs the loader inside the watcher's run). What it
 * throws follows {@link Failures}: a failure of the params function or of the loader (checked, thrown
 * sneakily, or an {@link Error}) is the resource's {@code ERROR} state; a {@linkplain Failures#isFatal fatal}
 * one is shown there too, so that the resource never stays loading, and is then passed on (to the watcher's
 * error handler, or to the thread that ran the loader).
 */
final class ResourceImpl<P, T> implements Resource<T> {

    /** {@link #lastParams} before the first watcher run, and after the params function threw. */
    private static final Object NO_PARAMS = new Object();

    /** The whole state of the resource; {@code destroyed} states are final. */
    private record State<T>(ResourceStatus status, @Nullable T value, @Nullable Throwable error,
            @Nullable Object params, long loadId, boolean destroyed) {
    }

    /** One load: its id, its request and, once the loader returned it, its stage. */
    private static final class Load<P> {

        final long id;
        final ResourceRequest<P> request;
        /** Guarded by {@code this}. */
        private @Nullable CompletionStage<?> stage;

        Load(long id, ResourceRequest<P> request) {
            this.id = id;
            this.request = request;
        }

        boolean isCancelled() {
            return request.cancellation().isCancelled();
        }

        /** The loader returned its stage: keep it for cancellation, or cancel it now if already cancelled. */
        void attach(CompletionStage<?> returned) {
            synchronized (this) {
                if (!isCancelled()) {
                    stage = returned;
                    return;
                }
            }
            cancelStage(returned);
        }

        /** Flags the cancellation (running its callbacks) and cancels the stage. Idempotent. */
        void cancel() {
            request.cancellation().cancel();
            CompletionStage<?> s;
            synchronized (this) {
                s = stage;
                stage = null;
            }
            if (s != null) {
                cancelStage(s);
            }
        }

        private static void cancelStage(CompletionStage<?> stage) {
            try {
                stage.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException notConvertible) {
                // A stage that cannot be cancelled: its result is discarded anyway.
            } catch (Throwable failure) {
                // The loader's own stage implementation failed to cancel: its result is discarded anyway.
                Failures.logIgnored("Cancelling the stage " + stage + " of a resource load failed", failure);
            }
        }
    }

    private final @Nullable String name;
    private final Executor executor;
    private final Function<? super ResourceRequest<P>, ? extends CompletionStage<? extends T>> loader;
    private final Computed<@Nullable P> params;
    private final Signal<State<T>> state;
    private final Signal<Long> reloads;
    private final Computed<@Nullable T> value;
    private final Computed<ResourceStatus> status;
    private final Computed<@Nullable Throwable> error;
    private final Computed<Boolean> isLoading;
    private final Computed<Boolean> hasValue;
    private final AtomicLong loadIds = new AtomicLong();
    private final AtomicReference<@Nullable Load<P>> current = new AtomicReference<>();
    private volatile @Nullable Effect watcher;
    private volatile boolean destroyed;

    /** Owned by the watcher's runs, which never overlap and are ordered by their domain's lock. */
    private @Nullable Object lastParams = NO_PARAMS;
    private long lastReload;

    ResourceImpl(ResourceOptions options, Supplier<? extends @Nullable P> paramsFunction,
            Function<? super ResourceRequest<P>, ? extends CompletionStage<? extends T>> loader) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(paramsFunction, "params");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.name = options.name();
        this.executor = options.executor();
        this.params = named(Reaktiv.<@Nullable P>computed(paramsFunction::get), "params");
        this.state = Reaktiv.signal(new State<T>(ResourceStatus.IDLE, null, null, null, 0, false));
        this.reloads = Reaktiv.signal(0L);
        if (name != null) {
            state.named(name + ".state");
            reloads.named(name + ".reloads");
        }
        this.status = named(Reaktiv.computed(() -> state.get().status()), "status");
        this.error = named(Reaktiv.computed(() -> state.get().error()), "error");
        this.isLoading = named(Reaktiv.computed(() -> state.get().status().isLoading()), "isLoading");
        this.hasValue = named(Reaktiv.computed(() -> {
            State<T> s = state.get();
            return s.status() != ResourceStatus.ERROR && s.value() != null;
        }), "hasValue");
        this.value = named(Reaktiv.computed(() -> {
            State<T> s = state.get();
            Throwable failure = s.error();
            if (s.status() == ResourceStatus.ERROR && failure != null) {
                throw new ResourceLoadException("Resource " + label() + " failed to load"
                        + (s.params() != null ? " params " + s.params() : "") + ": " + failure
                        + ". Its value cannot be read in the ERROR state; check status() or error() first, "
                        + "or call reload() to try again.", failure);
            }
            return s.value();
        }), "value");
        EffectOptions effectOptions = EffectOptions.defaults().withScheduler(EffectScheduler.synchronous());
        if (name != null) {
            effectOptions = effectOptions.withName(name + ".loader");
        }
        Effect w = Reaktiv.effect(effectOptions, this::loadOnChange);
        this.watcher = w;
        if (w.isDisposed()) {
            destroy(); // created in a disposed scope
        }
    }

    private <V extends @Nullable Object> Computed<V> named(Computed<V> computed, String part) {
        return name != null ? computed.named(name + "." + part) : computed;
    }

    private String label() {
        return name != null ? "'" + name + "'" : "(unnamed)";
    }

    // ---------------------------------------------------------------- the watcher

    /** One run of the watcher: the params or the reload counter changed (or this is the first run). */
    private void loadOnChange(OnCleanup onCleanup) {
        onCleanup.accept(this::destroyIfWatcherDisposed);
        P p;
        try {
            p = params.get();
        } catch (Throwable paramsFailed) {
            reloads.get();
            lastParams = NO_PARAMS;
            withoutOwner(() -> settleWithoutLoad(ResourceStatus.ERROR, paramsFailed, null));
            if (Failures.isFatal(paramsFailed)) {
                throw Failures.sneakyThrow(paramsFailed);
            }
            return;
        }
        long reloadCount = reloads.get();
        boolean isReload = reloadCount != lastReload && lastParams != NO_PARAMS && Objects.equals(p, lastParams);
        lastReload = reloadCount;
        lastParams = p;
        // What follows calls user code (cancellation callbacks, stages, the executor, maybe the loader).
        withoutOwner(() -> {
            if (p == null) {
                settleWithoutLoad(ResourceStatus.IDLE, null, null);
            } else {
                startLoad(p, isReload);
            }
        });
    }

    /**
     * Runs {@code action} with no effect owner on this thread, so that effects created by the user code it
     * calls are not owned by the watcher (or by whatever runs the loader), then restores the owner.
     */
    private static void withoutOwner(Runnable action) {
        ThreadState ts = ThreadState.current();
        Owner outer = ts.owner;
        ts.owner = null;
        try {
            action.run();
        } finally {
            ts.owner = outer;
        }
    }

    /** The watcher's cleanup: if the watcher was disposed (by its owning scope or effect), destroy. */
    private void destroyIfWatcherDisposed() {
        Effect w = watcher;
        if (w != null && w.isDisposed()) {
            destroy();
        }
    }

    /** Cancels the load in flight and moves to a state without a load (IDLE, or ERROR of the params). */
    private void settleWithoutLoad(ResourceStatus newStatus, @Nullable Throwable failure,
            @Nullable Object forParams) {
        long id = loadIds.incrementAndGet();
        state.update(s -> s.destroyed() ? s : new State<>(newStatus, null, failure, forParams, id, false));
        Load<P> previous = current.getAndSet(null);
        if (previous != null) {
            previous.cancel();
        }
    }

    private void startLoad(P p, boolean isReload) {
        Load<P> load = new Load<>(loadIds.incrementAndGet(), new ResourceRequest<>(p, new Cancellation()));
        Load<P> previous = current.getAndSet(load);
        state.update(s -> s.destroyed() ? s
                : isReload ? new State<>(ResourceStatus.RELOADING, s.value(), null, p, load.id, false)
                : new State<>(ResourceStatus.LOADING, null, null, p, load.id, false));
        if (previous != null) {
            previous.cancel();
        }
        if (destroyed) {
            current.compareAndSet(load, null);
            load.cancel();
            return;
        }
        try {
            // Untracked: an executor that runs the task at once must not make the loader's reads (or the
            // effects its completion notifies) dependencies of the watcher.
            Reaktiv.untracked(() -> executor.execute(() -> runLoader(load)));
        } catch (Throwable rejected) {
            // Rejected by the executor; or a fatal error of an inline loader, settled already (no-op here).
            settle(load, null, rejected);
            if (Failures.isFatal(rejected)) {
                throw Failures.sneakyThrow(rejected);
            }
        }
    }

    /** On the executor: calls the loader (with no effect owner) and waits (without blocking) for its stage. */
    private void runLoader(Load<P> load) {
        withoutOwner(() -> load(load));
    }

    private void load(Load<P> load) {
        if (load.isCancelled()) {
            return;
        }
        CompletionStage<? extends T> stage;
        try {
            stage = loader.apply(load.request);
        } catch (Throwable failure) {
            settle(load, null, failure);
            if (Failures.isFatal(failure)) {
                throw Failures.sneakyThrow(failure);
            }
            return;
        }
        if (stage == null) {
            settle(load, null, new NullPointerException("The loader of resource " + label()
                    + " returned null for params " + load.request.params() + "; it must return a "
                    + "CompletionStage (for example CompletableFuture.completedFuture(value))."));
            return;
        }
        try {
            load.attach(stage);
            stage.whenComplete((result, failure) -> settle(load, result, failure));
        } catch (Throwable failure) {
            // A stage implementation of the loader's own that cannot be waited for: the load failed.
            settle(load, null, failure);
            if (Failures.isFatal(failure)) {
                throw Failures.sneakyThrow(failure);
            }
        }
    }

    /** A load completed: applies its outcome only if it is still the load the state is waiting for. */
    private void settle(Load<P> load, @Nullable T result, @Nullable Throwable failure) {
        if (load.isCancelled()) {
            return;
        }
        current.compareAndSet(load, null);
        Throwable cause = failure == null ? null : Failures.unwrap(failure);
        state.update(s -> s.destroyed() || s.loadId() != load.id || !s.status().isLoading() ? s
                : cause == null ? new State<>(ResourceStatus.RESOLVED, result, null, s.params(), load.id, false)
                : new State<>(ResourceStatus.ERROR, null, cause, s.params(), load.id, false));
    }

    // ---------------------------------------------------------------- public API

    @Override
    public ReadableSignal<@Nullable T> value() {
        return value;
    }

    @Override
    public ReadableSignal<ResourceStatus> status() {
        return status;
    }

    @Override
    public ReadableSignal<@Nullable Throwable> error() {
        return error;
    }

    @Override
    public ReadableSignal<Boolean> isLoading() {
        return isLoading;
    }

    @Override
    public boolean hasValue() {
        return hasValue.get();
    }

    @Override
    public boolean reload() {
        if (destroyed) {
            return false;
        }
        ResourceStatus s = state.peek().status();
        if (s == ResourceStatus.IDLE || s.isLoading()) {
            return false;
        }
        reloads.update(n -> n + 1);
        return true;
    }

    @Override
    public void set(@Nullable T newValue) {
        update(old -> newValue);
    }

    @Override
    public void update(UnaryOperator<@Nullable T> updater) {
        Objects.requireNonNull(updater, "updater");
        checkNotDestroyed();
        long[] superseded = {-1};
        boolean[] wasDestroyed = {false};
        state.update(s -> {
            if (s.destroyed()) {
                wasDestroyed[0] = true;
                return s;
            }
            superseded[0] = s.status().isLoading() ? s.loadId() : -1;
            T old = s.status() == ResourceStatus.ERROR ? null : s.value();
            return new State<>(ResourceStatus.LOCAL, updater.apply(old), null, s.params(), s.loadId(), false);
        });
        if (wasDestroyed[0]) {
            checkNotDestroyed();
        }
        Load<P> inFlight = current.get();
        if (inFlight != null && inFlight.id == superseded[0]) {
            current.compareAndSet(inFlight, null);
            inFlight.cancel();
        }
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("Resource " + label() + " was destroyed; its value can no longer be "
                    + "set. Create a new resource instead.");
        }
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        Effect w = watcher;
        if (w != null) {
            w.dispose();
        }
        long id = loadIds.incrementAndGet();
        state.set(new State<>(ResourceStatus.IDLE, null, null, null, id, true));
        Load<P> inFlight = current.getAndSet(null);
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public @Nullable String name() {
        return name;
    }

    @Override
    public String toString() {
        State<T> s = state.peek();
        return "Resource[" + (name != null ? name + ", " : "") + s.status()
                + (s.status() == ResourceStatus.ERROR ? ", error=" + s.error() : ", value=" + s.value()) + "]";
    }
}
