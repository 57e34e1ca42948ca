package io.reaktiv;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the values of a signal to {@link Flow.Subscriber}s with latest-value semantics; created by
 * {@link Reaktiv#toPublisher}.
 *
 * <p>Each subscription owns one synchronous effect that reads the signal and stores the value in a one-slot
 * mailbox, overwriting an undelivered one. A drain loop guarded by a work-in-progress counter delivers the
 * mailbox when there is demand, so {@code onNext} is never called concurrently (or reentrantly) for one
 * subscriber, whichever thread writes the signal or requests. Terminal signals go through the same loop.
 *
 * <p>What the subscriber throws, and what reading the signal throws, follows {@link Failures}: a read failure
 * (a computed's memoized exception, checked or not, or an {@link Error}) ends the subscription with
 * {@code onError}; a {@linkplain Failures#isFatal fatal} one is not the signal's answer and goes to the effect's
 * error handler, the subscription waiting for the next change. A subscriber method that throws (Reactive
 * Streams rule 2.13) gets its subscription cancelled and the failure logged.
 *
 * <p>The subscriber's methods run with no {@linkplain ThreadState#owner owner}: effects and scopes it creates
 * there belong to nobody (unless it runs them in a scope of its own), whether the item was delivered by the
 * subscription's internal effect (on a write) or by {@code request}. Otherwise the internal effect would own
 * them, and dispose them before its next run.
 */
final class SignalPublisher<T> implements Flow.Publisher<T> {

    private final ReadableSignal<T> source;

    SignalPublisher(ReadableSignal<T> source) {
        this.source = Objects.requireNonNull(source, "signal");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber (Reactive Streams rule 1.9)");
        new SignalSubscription<T>(source, subscriber).start();
    }

    @Override
    public String toString() {
        return "SignalPublisher[" + source + "]";
    }

    /** One subscriber's subscription. */
    static final class SignalSubscription<T> implements Flow.Subscription {

        private final ReadableSignal<T> source;
        private final Flow.Subscriber<? super T> subscriber;
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicLong requested = new AtomicLong();
        /** The newest undelivered value, or {@code null} if none. */
        private final AtomicReference<@Nullable T> latest = new AtomicReference<>();
        private final AtomicReference<@Nullable Throwable> pendingError = new AtomicReference<>();
        private final AtomicBoolean terminated = new AtomicBoolean();
        private volatile boolean pendingComplete;
        private volatile @Nullable Effect effect;

        SignalSubscription(ReadableSignal<T> source, Flow.Subscriber<? super T> subscriber) {
            this.source = source;
            this.subscriber = subscriber;
        }

        /** The internal effect, for tests; {@code null} until created (and if creating it failed). */
        @Nullable Effect effect() {
            return effect;
        }

        /**
         * A subscriber method threw (Reactive Streams rule 2.13): the subscription is cancelled and the failure
         * logged; a fatal one is passed on to whoever called (a writer, a requester, the subscribing code).
         */
        private void subscriberFailed(Throwable failure, String method) {
            cancel();
            if (Failures.isFatal(failure)) {
                throw Failures.sneakyThrow(failure);
            }
            Failures.logIgnored("Subscriber." + method + " of " + subscriber + " threw, in violation of "
                    + "Reactive Streams rule 2.13; the subscription is cancelled", failure);
        }

        void start() {
            try {
                subscriber.onSubscribe(this);
            } catch (Throwable failure) {
                subscriberFailed(failure, "onSubscribe");
                return;
            }
            if (terminated.get()) {
                return;
            }
            Effect e;
            try {
                EffectOptions options = EffectOptions.defaults().withScheduler(EffectScheduler.synchronous());
                String name = source.name();
                if (name != null) {
                    options = options.withName("toPublisher(" + name + ")");
                }
                e = Reaktiv.effect(options, this::deliverOnChange);
            } catch (Throwable failure) {
                // Rule 1.9: after onSubscribe, subscribe returns normally and reports failures with onError
                // (for example subscribing inside a computed's function, where no effect can be created).
                fail(failure);
                if (Failures.isFatal(failure)) {
                    throw Failures.sneakyThrow(failure);
                }
                return;
            }
            effect = e;
            if (terminated.get()) {
                e.dispose(); // cancelled while the effect was being created
            } else if (e.isDisposed()) {
                complete(); // created in a disposed scope
            }
        }

        /** The effect's body: puts the signal's current value in the mailbox and delivers it if requested. */
        private void deliverOnChange(OnCleanup onCleanup) {
            onCleanup.accept(this::completeIfEffectDisposed);
            T value;
            try {
                value = source.get();
            } catch (Throwable failure) {
                if (Failures.isFatal(failure)) {
                    // Not the signal's answer: the effect's error handler gets it, and the next change retries.
                    throw Failures.sneakyThrow(failure);
                }
                fail(failure);
                return;
            }
            if (value == null) {
                fail(new NullPointerException("Signal " + source + " holds null, which a Flow.Publisher cannot "
                        + "emit (Reactive Streams rule 2.13); map the signal to non-null values (for example "
                        + "an Optional) before publishing it"));
                return;
            }
            latest.set(value);
            // Untracked: what the subscriber reads in onNext must not become a dependency of this effect.
            Reaktiv.untracked(this::drain);
        }

        /** The effect's cleanup: if the effect was disposed by its owner (not by cancel), complete. */
        private void completeIfEffectDisposed() {
            Effect e = effect;
            if (e != null && e.isDisposed() && !terminated.get()) {
                complete();
            }
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("Reactive Streams rule 3.9: request(n) needs n > 0, got " + n
                        + "; the subscription is cancelled"));
                return;
            }
            requested.getAndUpdate(r -> r >= Long.MAX_VALUE - n ? Long.MAX_VALUE : r + n);
            drain();
        }

        @Override
        public void cancel() {
            if (terminated.compareAndSet(false, true)) {
                latest.set(null);
                Effect e = effect;
                if (e != null) {
                    e.dispose();
                }
            }
        }

        private void fail(Throwable error) {
            pendingError.compareAndSet(null, error);
            drain();
        }

        private void complete() {
            pendingComplete = true;
            drain();
        }

        /**
         * Delivers what is due; only one thread at a time runs the loop, the others leave it work. The
         * subscriber is called with no owner on this thread: what it creates is not owned by the internal
         * effect (when the loop runs in it) nor by whoever happened to request.
         */
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            ThreadState ts = ThreadState.current();
            Owner outer = ts.owner;
            ts.owner = null;
            try {
                drainLoop();
            } finally {
                ts.owner = outer;
            }
        }

        private void drainLoop() {
            int missed = 1;
            while (true) {
                if (terminated.get()) {
                    latest.set(null);
                    return; // wip stays non-zero: nothing is ever delivered again
                }
                Throwable error = pendingError.get();
                if (error != null) {
                    cancel();
                    try {
                        subscriber.onError(error);
                    } catch (Throwable failure) {
                        subscriberFailed(failure, "onError");
                    }
                    return;
                }
                if (requested.get() > 0) {
                    T value = latest.getAndSet(null);
                    if (value != null) {
                        if (requested.get() != Long.MAX_VALUE) {
                            requested.decrementAndGet();
                        }
                        try {
                            subscriber.onNext(value);
                        } catch (Throwable failure) {
                            subscriberFailed(failure, "onNext");
                            return;
                        }
                        continue;
                    }
                }
                if (pendingComplete) {
                    cancel();
                    try {
                        subscriber.onComplete();
                    } catch (Throwable failure) {
                        subscriberFailed(failure, "onComplete");
                    }
                    return;
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }
    }
}
