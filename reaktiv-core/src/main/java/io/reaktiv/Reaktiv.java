package io.reaktiv;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: factories for signals, computed values, effects and scopes, plus batching, untracked reads
 * and introspection. Meant to be imported statically:
 *
 * <pre>{@code
 * import static io.reaktiv.Reaktiv.*;
 *
 * Signal<Integer> price = signal(100);
 * Signal<Double> taxRate = signal(0.2);
 * Computed<Double> total = computed(() -> price.get() * (1 + taxRate.get()));
 * Effect printer = effect(() -> System.out.println("Total: " + total.get()));  // prints Total: 120.0
 * taxRate.set(0.25);                                                            // prints Total: 125.0
 * }</pre>
 *
 * <h2>Threads</h2>
 * Any thread may read and write any node at any time. Writes are atomic and serialised per graph component
 * (nodes connected by what they read share a lock; graphs that share no node never wait for each other);
 * reads of up-to-date values take no lock. A computed's function runs under its component's lock (so it runs
 * once even when many threads read it at the same time, and it always sees a consistent state); under
 * contention a function, updater or equality may be started again, and only the last start's result is
 * used. Effects run on the thread whose write (or outermost batch) notified them, outside every lock, and
 * never concurrently with themselves. A batch defers effects of its own thread only: other threads' writes are not held back, and
 * other threads may see the batch's writes one by one as they happen.
 */
public final class Reaktiv {

    private static volatile EffectErrorHandler errorHandler = Reaktiv::logEffectError;
    private static volatile EffectScheduler defaultScheduler = EffectScheduler.synchronous();

    private Reaktiv() {
    }

    // ---------------------------------------------------------------- signals

    /**
     * Creates a writable signal whose writes are no-ops when {@link Objects#equals} says the value is equal.
     *
     * @param initial the initial value
     * @param <T> the value type
     * @return the signal
     */
    public static <T extends @Nullable Object> Signal<T> signal(T initial) {
        return new SignalNode<>(initial, null);
    }

    /**
     * Creates a writable signal with a custom equality: a write of a value equal to the current one is a
     * no-op.
     *
     * @param initial the initial value
     * @param equality says whether two values are equal; called with the old value first
     * @param <T> the value type
     * @return the signal
     */
    public static <T extends @Nullable Object> Signal<T> signal(T initial,
            BiPredicate<? super T, ? super T> equality) {
        return new SignalNode<>(initial, Objects.requireNonNull(equality, "equality"));
    }

    // ---------------------------------------------------------------- computed values

    /**
     * Creates a lazily computed, cached value. The function must be pure and must not block: it runs under
     * the engine's lock, and writing a signal from it throws {@link IllegalStateException}.
     *
     * @param function computes the value from other signals and computeds
     * @param <T> the value type
     * @return the computed
     */
    public static <T extends @Nullable Object> Computed<T> computed(Supplier<T> function) {
        return new ComputedNode<>(Objects.requireNonNull(function, "function"), null);
    }

    /**
     * Creates a lazily computed, cached value with a custom equality: when a new result is equal to the old
     * one, the old one is kept and dependents are not notified.
     *
     * @param function computes the value
     * @param equality says whether two values are equal; called with the old value first
     * @param <T> the value type
     * @return the computed
     */
    public static <T extends @Nullable Object> Computed<T> computed(Supplier<T> function,
            BiPredicate<? super T, ? super T> equality) {
        return new ComputedNode<>(Objects.requireNonNull(function, "function"),
                Objects.requireNonNull(equality, "equality"));
    }

    // ---------------------------------------------------------------- linked signals

    /**
     * Creates a writable signal that is reset to {@code computation}'s value whenever what the computation
     * reads changes.
     *
     * @param computation computes the value; its reads are tracked
     * @param <T> the value type
     * @return the linked signal
     */
    public static <T extends @Nullable Object> LinkedSignal<T> linkedSignal(Supplier<T> computation) {
        Objects.requireNonNull(computation, "computation");
        return new LinkedSignalNode<T, T>(computation, (source, previous) -> source, null);
    }

    /**
     * Creates a writable signal derived from {@code source}: whenever what {@code source} reads changes, the
     * value becomes {@code computation.apply(sourceValue, previous)}, where {@code previous} holds the last
     * source value and the value the linked signal had (set by hand or computed), or is {@code null} on the
     * first computation.
     *
     * @param source the tracked input
     * @param computation computes the value from the source value and the previous state
     * @param <S> the source value type
     * @param <T> the value type
     * @return the linked signal
     */
    public static <S extends @Nullable Object, T extends @Nullable Object> LinkedSignal<T> linkedSignal(
            Supplier<S> source, BiFunction<? super S, @Nullable Previous<S, T>, T> computation) {
        return new LinkedSignalNode<>(Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(computation, "computation"), null);
    }

    // ---------------------------------------------------------------- effects

    /**
     * Creates an effect and runs it now (or at the end of this thread's batch), then after every write or
     * batch that changed something it read.
     *
     * @param body the side effect; what it reads with {@code get()} becomes its dependencies
     * @return the effect, to dispose it
     * @throws IllegalStateException if called while a computed's function runs
     */
    public static Effect effect(Runnable body) {
        Objects.requireNonNull(body, "body");
        return EffectNode.create(onCleanup -> body.run(), EffectOptions.defaults());
    }

    /**
     * Creates an effect that registers cleanup functions, run before its next run and on dispose.
     *
     * @param body the side effect
     * @return the effect
     * @throws IllegalStateException if called while a computed's function runs
     */
    public static Effect effect(EffectFunction body) {
        return EffectNode.create(body, EffectOptions.defaults());
    }

    /**
     * Creates a named effect; the name appears in error logs and the graph snapshot.
     *
     * @param name the effect's name; not blank
     * @param body the side effect
     * @return the effect
     * @throws IllegalArgumentException if the name is blank
     */
    public static Effect effect(String name, Runnable body) {
        Objects.requireNonNull(body, "body");
        return EffectNode.create(onCleanup -> body.run(), EffectOptions.defaults().withName(name));
    }

    /**
     * Creates a named effect that registers cleanup functions.
     *
     * @param name the effect's name; not blank
     * @param body the side effect
     * @return the effect
     * @throws IllegalArgumentException if the name is blank
     */
    public static Effect effect(String name, EffectFunction body) {
        return EffectNode.create(body, EffectOptions.defaults().withName(name));
    }

    /**
     * Creates an effect with the given options (name, scheduler).
     *
     * @param options how to create the effect
     * @param body the side effect; may register cleanups
     * @return the effect
     * @throws IllegalStateException if called while a computed's function runs
     */
    public static Effect effect(EffectOptions options, EffectFunction body) {
        return EffectNode.create(body, options);
    }

    /**
     * Creates an effect with the given options (name, scheduler).
     *
     * @param options how to create the effect
     * @param body the side effect
     * @return the effect
     * @throws IllegalStateException if called while a computed's function runs
     */
    public static Effect effect(EffectOptions options, Runnable body) {
        Objects.requireNonNull(body, "body");
        return EffectNode.create(onCleanup -> body.run(), options);
    }

    /**
     * Creates an async effect: {@code body} starts asynchronous work and returns its stage. Its dependencies
     * are what {@code body} reads while it runs synchronously, before it returns the stage; reads in
     * callbacks of the stage are not tracked. The effect never has two runs in flight: a change that arrives
     * while a stage is pending causes exactly one more run once it completes, with the latest values; with
     * the synchronous scheduler that run happens on the thread that completes the stage, with an executor
     * scheduler on the executor. {@link Effect#dispose()} cancels the pending stage. A failed stage goes to
     * the error handler.
     *
     * @param body starts the work and returns its stage; must not return {@code null}
     * @return the effect
     * @throws IllegalStateException if called while a computed's function runs
     */
    public static Effect asyncEffect(Supplier<? extends CompletionStage<?>> body) {
        Objects.requireNonNull(body, "body");
        return EffectNode.createAsync(onCleanup -> body.get(), EffectOptions.defaults());
    }

    /**
     * Creates an async effect that registers cleanup functions; they run before the next run and on
     * dispose, once, also when the run's stage is cancelled by dispose.
     *
     * @param body starts the work and returns its stage; must not return {@code null}
     * @return the effect
     * @see #asyncEffect(Supplier)
     */
    public static Effect asyncEffect(AsyncEffectFunction body) {
        return EffectNode.createAsync(body, EffectOptions.defaults());
    }

    /**
     * Creates an async effect with the given options.
     *
     * @param options how to create the effect
     * @param body starts the work and returns its stage
     * @return the effect
     * @see #asyncEffect(Supplier)
     */
    public static Effect asyncEffect(EffectOptions options, Supplier<? extends CompletionStage<?>> body) {
        Objects.requireNonNull(body, "body");
        return EffectNode.createAsync(onCleanup -> body.get(), options);
    }

    /**
     * Creates an async effect with the given options, registering cleanups.
     *
     * @param options how to create the effect
     * @param body starts the work and returns its stage; may register cleanups
     * @return the effect
     * @see #asyncEffect(Supplier)
     */
    public static Effect asyncEffect(EffectOptions options, AsyncEffectFunction body) {
        return EffectNode.createAsync(body, options);
    }

    /**
     * Sets the scheduler of effects created from now on without one in their {@link EffectOptions}.
     *
     * @param scheduler the new default
     */
    public static void setDefaultScheduler(EffectScheduler scheduler) {
        defaultScheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Returns the scheduler of effects created without one: {@link EffectScheduler#synchronous()} unless
     * changed.
     *
     * @return the default scheduler
     */
    public static EffectScheduler defaultScheduler() {
        return defaultScheduler;
    }

    /**
     * Creates an empty scope. Effects created inside {@link EffectScope#run(Runnable)} belong to it. A scope
     * created inside another scope (or inside an effect's run) belongs to that one.
     *
     * @return the scope
     */
    public static EffectScope scope() {
        return new EffectScope();
    }

    /**
     * Creates a scope and runs {@code body} in it.
     *
     * @param body creates the effects the scope will own
     * @return the scope, to dispose them together
     */
    public static EffectScope scope(Runnable body) {
        EffectScope scope = new EffectScope();
        scope.run(body);
        return scope;
    }

    // ---------------------------------------------------------------- batching and tracking

    /**
     * Runs {@code body} and runs the effects its writes notified once, when the outermost batch on this
     * thread ends, even if {@code body} throws. Reads inside the batch see its writes.
     *
     * @param body writes signals
     */
    public static void batch(Runnable body) {
        Objects.requireNonNull(body, "body");
        EffectQueue.batch(ThreadState.current(), body);
    }

    /**
     * Like {@link #batch(Runnable)}, returning what {@code body} returns.
     *
     * @param body writes signals and computes a result
     * @param <T> the result type
     * @return what {@code body} returned
     */
    public static <T extends @Nullable Object> T batch(Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        Object[] result = new Object[1];
        EffectQueue.batch(ThreadState.current(), () -> result[0] = body.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /**
     * Runs {@code body} without tracking: what it reads does not become a dependency of the running computed
     * or effect.
     *
     * @param body reads signals
     * @param <T> the result type
     * @return what {@code body} returned
     */
    public static <T extends @Nullable Object> T untracked(Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        ThreadState ts = ThreadState.current();
        Node previous = ts.activeSub;
        DerivedNode<?> previousUntrackedIn = ts.enterUntracked();
        try {
            return body.get();
        } finally {
            ts.exitUntracked(previous, previousUntrackedIn);
        }
    }

    /**
     * Runs {@code body} without tracking.
     *
     * @param body reads signals
     */
    public static void untracked(Runnable body) {
        Objects.requireNonNull(body, "body");
        ThreadState ts = ThreadState.current();
        Node previous = ts.activeSub;
        DerivedNode<?> previousUntrackedIn = ts.enterUntracked();
        try {
            body.run();
        } finally {
            ts.exitUntracked(previous, previousUntrackedIn);
        }
    }

    // ---------------------------------------------------------------- errors, listeners, introspection

    /**
     * Sets where exceptions thrown by effects go. The default logs them through {@link System.Logger} at
     * {@code ERROR} with the effect's name.
     *
     * @param handler the new handler
     */
    public static void setErrorHandler(EffectErrorHandler handler) {
        errorHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Returns the current effect error handler.
     *
     * @return the handler
     */
    public static EffectErrorHandler errorHandler() {
        return errorHandler;
    }

    /**
     * Restores the default error handler, which logs through {@link System.Logger}.
     */
    public static void resetErrorHandler() {
        errorHandler = Reaktiv::logEffectError;
    }

    /**
     * Installs a listener for metrics or tracing, until its registration is closed. Listeners are process-wide:
     * a framework that installs one for a bounded lifetime (an application context) keeps the registration and
     * closes it at the end of that lifetime; other listeners stay installed.
     *
     * @param listener the listener
     * @return the registration; closing it removes this listener
     */
    public static ListenerRegistration addListener(ReaktivListener listener) {
        return Listeners.add(listener);
    }

    /**
     * Removes a listener installed with {@link #addListener}.
     *
     * @param listener the listener
     * @return whether it was installed
     */
    public static boolean removeListener(ReaktivListener listener) {
        return Listeners.remove(listener);
    }

    /**
     * Takes a consistent snapshot of every live node: its kind, name, edges, counters and state. Nodes are held
     * weakly by the engine, so taking snapshots never keeps anything alive; taking one runs no user code (no
     * computed is computed, no effect runs, no {@code toString} is called) and holds each graph component's lock
     * only while copying that component, in time linear in nodes plus edges.
     *
     * @return the snapshot
     */
    public static GraphSnapshot graph() {
        return GraphSnapshot.take();
    }

    /**
     * Returns the counters of all nodes, live or gone, summed per kind and name: the source for metrics. Counts
     * of disposed and garbage-collected nodes stay in their totals. Runs no user code; does not take the engine
     * lock.
     *
     * @return the totals, one per kind and name seen so far
     */
    public static java.util.List<CounterTotals> counterTotals() {
        return NodeRegistry.totals();
    }

    private static void logEffectError(Effect effect, Throwable error) {
        String name = effect.name();
        Failures.logIgnored("Effect " + (name != null ? "'" + name + "'" : effect.toString()) + " failed", error);
    }

    // ================================================================ resources and streams
    // (block maintained with Resource*, Cancellation, SignalPublisher and PublisherSignal)

    /**
     * Creates a {@link Resource}: asynchronously loaded state that follows {@code params}.
     *
     * <pre>{@code
     * Resource<User> user = resource(() -> userId.get(),
     *         req -> http.getUser(req.params(), req.cancellation()));
     * }</pre>
     *
     * <p>{@code params} is tracked like a computed's function; whenever its result changes (by
     * {@code equals}), the load in flight is cancelled and {@code loader} is called with the new params on
     * the {@linkplain ResourceOptions#defaultExecutor() default executor}. {@code null} params mean "nothing
     * to load": the resource goes {@link ResourceStatus#IDLE IDLE}.
     *
     * @param params computes the params from signals; must be pure like a computed's function
     * @param loader starts loading for a request and returns the stage of the result; may block, since it
     *     runs on the executor; must not return {@code null}
     * @param <P> the params type
     * @param <T> the value type
     * @return the resource; its first load has already started unless the params are {@code null} or this
     *     thread is inside a batch (then it starts when the batch ends)
     * @throws IllegalStateException if called while a computed's function runs
     */
    public static <P, T> Resource<T> resource(Supplier<? extends @Nullable P> params,
            Function<? super ResourceRequest<P>, ? extends CompletionStage<? extends T>> loader) {
        return new ResourceImpl<>(ResourceOptions.defaults(), params, loader);
    }

    /**
     * Creates a {@link Resource} with options (name, executor).
     *
     * @param options the resource's name and the executor its loader runs on
     * @param params computes the params from signals; {@code null} means nothing to load
     * @param loader starts loading for a request and returns the stage of the result
     * @param <P> the params type
     * @param <T> the value type
     * @return the resource
     * @throws IllegalStateException if called while a computed's function runs
     * @see #resource(Supplier, Function)
     */
    public static <P, T> Resource<T> resource(ResourceOptions options, Supplier<? extends @Nullable P> params,
            Function<? super ResourceRequest<P>, ? extends CompletionStage<? extends T>> loader) {
        return new ResourceImpl<>(options, params, loader);
    }

    /**
     * Publishes the values of a signal as a {@link Flow.Publisher}, like an async iterator over its changes.
     *
     * <p>Each subscriber gets its own effect on the signal. When it first requests, it receives the signal's
     * current value; after that, each change. Back-pressure keeps only the newest value: a subscriber that
     * requests slowly receives the latest value when it requests again, never a backlog of stale ones.
     * Values are delivered on the thread that wrote the signal, or on the thread that called
     * {@code request} when a value was waiting for demand; never concurrently to one subscriber.
     * {@code cancel()} disposes the subscriber's effect. A read that throws (a failed computed), or a
     * {@code null} value (which Reactive Streams forbids), ends the subscription with {@code onError}; if the
     * subscriber's effect is disposed by an owning scope or effect (subscribing inside one ties the
     * subscription to it), the subscriber gets {@code onComplete}. The publisher itself never completes.
     * Effects and scopes a subscriber creates in {@code onNext}, {@code onError} or {@code onComplete} belong
     * to no owner: they live until disposed, whatever happens to the subscription.
     *
     * @param signal the signal to publish; must hold non-null values
     * @param <T> the value type
     * @return a publisher that can be subscribed to any number of times
     */
    public static <T> Flow.Publisher<T> toPublisher(ReadableSignal<T> signal) {
        return new SignalPublisher<>(signal);
    }

    /**
     * Subscribes to {@code publisher} now and returns a signal holding its last item (last value wins), with
     * its error and completion observable as signals.
     *
     * @param publisher the source of values
     * @param initial the value until the publisher's first item; may be {@code null}
     * @param <T> the value type
     * @return the signal; {@link PublisherSignal#cancel()} cancels the subscription
     */
    public static <T extends @Nullable Object> PublisherSignal<T> fromPublisher(Flow.Publisher<? extends T> publisher,
            T initial) {
        return new PublisherSignal<>(publisher, initial);
    }

    // ================================================================ end of resources and streams
}
