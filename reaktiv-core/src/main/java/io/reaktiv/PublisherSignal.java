package io.reaktiv;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A signal fed by a {@link Flow.Publisher}: it holds the last value the publisher emitted (last value wins),
 * and exposes the publisher's error and completion as signals too. Created by {@link Reaktiv#fromPublisher}.
 *
 * <pre>{@code
 * PublisherSignal<Price> price = fromPublisher(priceFeed, Price.UNKNOWN);
 * effect(() -> show(price.get()));                          // reruns on every new price
 * effect(() -> { if (price.completed().get()) showClosed(); });
 * price.cancel();                                           // stop listening
 * }</pre>
 *
 * <p>It subscribes once, on creation, and requests an unbounded number of items: it keeps only the newest,
 * so it never needs to slow the publisher down. Values are written on the publisher's thread, and the
 * effects they notify run there. The value signal uses {@link java.util.Objects#equals} equality: an item
 * equal to the current value notifies nothing.
 *
 * <p>It is a well-behaved Reactive Streams subscriber: its calls on the subscription are serial (rule 2.7),
 * even when {@link #cancel()} is called on another thread while the initial {@code request} runs (the cancel
 * then happens as soon as that request returns), and its {@code onXxx} methods return normally (rule 2.13):
 * if writing an item fails (which only happens when the publisher emits on a thread where no signal may be
 * written, such as inside a computed's function), the subscription is cancelled and the failure logged.
 *
 * <p>Thread-safe.
 *
 * @param <T> the value type; the publisher never emits {@code null}, but the initial value may be
 *     {@code null}
 */
public final class PublisherSignal<T extends @Nullable Object> implements ReadableSignal<T>, AutoCloseable {

    /** Stands for "cancelled" in {@link #upstream}. */
    private static final Flow.Subscription CANCELLED = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private static final int IDLE = 0;
    private static final int REQUESTING = 1;
    private static final int CANCEL_PENDING = 2;
    private static final int CANCEL_DONE = 3;

    private final Signal<T> value;
    private final Signal<@Nullable Throwable> error;
    private final Signal<Boolean> completed;
    private final AtomicReference<Flow.@Nullable Subscription> upstream = new AtomicReference<>();
    /**
     * Who calls the upstream subscription, so that request and cancel never overlap (rule 2.7): {@link #IDLE},
     * {@link #REQUESTING} (onSubscribe is in {@code request}), {@link #CANCEL_PENDING} (cancel arrived from
     * another thread meanwhile: the requester cancels when {@code request} returns) or {@link #CANCEL_DONE}.
     */
    private final AtomicInteger calls = new AtomicInteger(IDLE);
    /** The thread inside the upstream {@code request}, while {@link #calls} is {@link #REQUESTING}. */
    private volatile @Nullable Thread requester;
    private volatile boolean terminated;
    private volatile boolean cancelled;

    PublisherSignal(Flow.Publisher<? extends T> publisher, T initial) {
        Objects.requireNonNull(publisher, "publisher");
        this.value = Reaktiv.signal(initial);
        this.error = Reaktiv.signal(null);
        this.completed = Reaktiv.signal(false);
        publisher.subscribe(new Inner());
    }

    /**
     * Returns the value as a read-only signal: the initial value until the publisher emits, then its last
     * item. It keeps its last value after an error, completion or {@link #cancel()}.
     *
     * @return the value signal
     */
    public ReadableSignal<T> value() {
        return value.asReadonly();
    }

    /**
     * Returns the publisher's error as a read-only signal.
     *
     * @return a signal holding the error the publisher terminated with, or {@code null} while it has not
     *     failed
     */
    public ReadableSignal<@Nullable Throwable> error() {
        return error.asReadonly();
    }

    /**
     * Returns whether the publisher completed normally, as a read-only signal.
     *
     * @return a signal that becomes {@code true} when the publisher calls {@code onComplete}; it stays
     *     {@code false} after an error or {@link #cancel()}
     */
    public ReadableSignal<Boolean> completed() {
        return completed.asReadonly();
    }

    /**
     * Cancels the subscription to the publisher: later items, errors and completion are ignored and the
     * signals keep their current values. Idempotent; also works before the publisher called
     * {@code onSubscribe} (the subscription is then cancelled as soon as it arrives).
     */
    public void cancel() {
        cancelled = true;
        Flow.Subscription previous = upstream.getAndSet(CANCELLED);
        if (previous != null && previous != CANCELLED) {
            cancelUpstream(previous);
        }
    }

    /**
     * Cancels the upstream subscription now, unless another thread is inside its {@code request}: then that
     * thread cancels it when {@code request} returns (rule 2.7). A cancel from inside that request, on its own
     * thread (an effect of an item emitted synchronously), is serial already and happens now.
     */
    private void cancelUpstream(Flow.Subscription subscription) {
        while (true) {
            int state = calls.get();
            if (state == IDLE) {
                if (calls.compareAndSet(IDLE, CANCEL_DONE)) {
                    callCancel(subscription);
                    return;
                }
            } else if (state == REQUESTING) {
                if (requester == Thread.currentThread()) {
                    if (calls.compareAndSet(REQUESTING, CANCEL_DONE)) {
                        callCancel(subscription);
                        return;
                    }
                } else if (calls.compareAndSet(REQUESTING, CANCEL_PENDING)) {
                    return;
                }
            } else {
                return; // cancelled already, or pending with the requester
            }
        }
    }

    /** Calls the publisher's {@code cancel}, which must return normally (rule 3.15); logs it if not. */
    private static void callCancel(Flow.Subscription subscription) {
        try {
            subscription.cancel();
        } catch (Throwable failure) {
            Failures.logIgnored("Subscription.cancel of " + subscription + " threw, in violation of Reactive "
                    + "Streams rule 3.15", failure);
        }
    }

    /**
     * Returns whether {@link #cancel()} was called.
     *
     * @return {@code true} once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Same as {@link #cancel()}, so a publisher signal works in try-with-resources. */
    @Override
    public void close() {
        cancel();
    }

    /**
     * Names the value, error and completed signals ({@code name}, {@code name.error},
     * {@code name.completed}) for error messages, logs and the graph snapshot.
     *
     * @param name the name; not blank
     * @return this publisher signal
     * @throws IllegalArgumentException if the name is blank
     */
    public PublisherSignal<T> named(String name) {
        value.named(name);
        error.named(name + ".error");
        completed.named(name + ".completed");
        return this;
    }

    /**
     * Returns the current value, tracked like {@link Signal#get()}.
     *
     * @return the current value
     */
    @Override
    public T get() {
        return value.get();
    }

    /**
     * Returns the current value without tracking.
     *
     * @return the current value
     */
    @Override
    public T peek() {
        return value.peek();
    }

    /**
     * Returns the name given with {@link #named(String)}.
     *
     * @return the name, or {@code null}
     */
    @Override
    public @Nullable String name() {
        return value.name();
    }

    @Override
    public String toString() {
        return "PublisherSignal[" + (name() != null ? name() + ", " : "") + "value=" + value.peek()
                + (completed.peek() ? ", completed" : "") + (error.peek() != null ? ", error=" + error.peek() : "")
                + (isCancelled() ? ", cancelled" : "") + "]";
    }

    /** The subscriber side, kept private so the Flow methods do not show on the public type. */
    private final class Inner implements Flow.Subscriber<T> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            Objects.requireNonNull(subscription, "subscription (Reactive Streams rule 2.13)");
            if (!upstream.compareAndSet(null, subscription)) {
                // Cancelled already, or a second onSubscribe (rule 2.5): refuse this subscription.
                callCancel(subscription);
                return;
            }
            requester = Thread.currentThread();
            if (!calls.compareAndSet(IDLE, REQUESTING)) {
                requester = null;
                return; // cancel() came first and has cancelled the subscription
            }
            try {
                subscription.request(Long.MAX_VALUE);
            } catch (Throwable failure) {
                // Rule 3.16: request must return normally. The publisher is broken: cancel it (below, once
                // out of request) and show the failure as its error.
                calls.compareAndSet(REQUESTING, CANCEL_PENDING);
                if (Failures.isFatal(failure)) {
                    throw Failures.sneakyThrow(failure);
                }
                onError(failure);
            } finally {
                requester = null;
                if (!calls.compareAndSet(REQUESTING, IDLE) && calls.getAndSet(CANCEL_DONE) == CANCEL_PENDING) {
                    callCancel(subscription); // cancel() was called on another thread meanwhile
                }
            }
        }

        @Override
        public void onNext(T item) {
            Objects.requireNonNull(item, "item (Reactive Streams rule 2.13)");
            if (!terminated && !cancelled) {
                try {
                    value.set(item);
                } catch (Throwable failure) {
                    cancel();
                    failed("Writing the item " + item + " to " + PublisherSignal.this + " failed; the "
                            + "subscription is cancelled", failure);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            Objects.requireNonNull(throwable, "throwable (Reactive Streams rule 2.13)");
            if (terminate()) {
                try {
                    error.set(throwable);
                } catch (Throwable failure) {
                    if (failure != throwable) {
                        failure.addSuppressed(throwable);
                    }
                    failed("Writing the error of the publisher to " + PublisherSignal.this + " failed", failure);
                }
            }
        }

        @Override
        public void onComplete() {
            if (terminate()) {
                try {
                    completed.set(true);
                } catch (Throwable failure) {
                    failed("Writing the completion of the publisher to " + PublisherSignal.this + " failed",
                            failure);
                }
            }
        }

        /**
         * A failure that must not escape to the publisher (rule 2.13): logged; a fatal one is passed on all
         * the same, since it says nothing about the stream.
         */
        private void failed(String message, Throwable failure) {
            if (Failures.isFatal(failure)) {
                throw Failures.sneakyThrow(failure);
            }
            Failures.logIgnored(message, failure);
        }

        /** Marks the stream finished; returns false if it was cancelled or had finished already. */
        private boolean terminate() {
            synchronized (this) {
                if (terminated || cancelled) {
                    return false;
                }
                terminated = true;
            }
            upstream.set(CANCELLED);
            return true;
        }
    }
}
