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
 */
final class SignalPublisher<T> implements Flow.Publisher<T> {

    private static final System.Logger LOG = System.getLogger(SignalPublisher.class.getName());

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

        /** A subscriber method threw (Reactive Streams rule 2.13): cancel and log, unless the JVM is failing. */
        private void subscriberFailed(Throwable e, String method) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            cancel();
            LOG.log(System.Logger.Level.WARNING, "Subscriber." + method + " threw, in violation of Reactive "
                    + "Streams rule 2.13; the subscription is cancelled", e);
        }

        void start() {
            try {
                subscriber.onSubscribe(this);
            } catch (RuntimeException | Error e) {
                subscriberFailed(e, "onSubscribe");
                return;
            }
            if (terminated.get()) {
                return;
            }
            EffectOptions options = EffectOptions.defaults().withScheduler(EffectScheduler.synchronous());
            String name = source.name();
            if (name != null) {
                options = options.withName("toPublisher(" + name + ")");
            }
            Effect e = Reaktiv.effect(options, this::watch);
            effect = e;
            if (terminated.get()) {
                e.dispose(); // cancelled while the effect was being created
            } else if (e.isDisposed()) {
                complete(); // created in a disposed scope
            }
        }

        /** The effect's body: puts the signal's current value in the mailbox and delivers it if requested. */
        private void watch(OnCleanup onCleanup) {
            onCleanup.accept(this::completeIfEffectDisposed);
            T value;
            try {
                value = source.get();
            } catch (RuntimeException failure) {
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

        /** Delivers what is due; only one thread at a time runs the loop, the others leave it work. */
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (true) {
                if (terminated.get()) {
                    latest.set(null);
                    return; // wip stays non-zero: nothing is ever delivered again
                }
                Throwable error = pendingError.get();
                if (error != null) {
                    cancel();
                    subscriber.onError(error);
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
                        } catch (RuntimeException | Error e) {
                            subscriberFailed(e, "onNext");
                            return;
                        }
                        continue;
                    }
                }
                if (pendingComplete) {
                    cancel();
                    subscriber.onComplete();
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
