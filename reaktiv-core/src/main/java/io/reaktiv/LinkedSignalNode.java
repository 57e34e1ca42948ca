package io.reaktiv;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A computed that can also be set. A set value is published like a signal write and kept until a tracked
 * input changes; the next computation sees it as {@link Previous#value()}.
 */
final class LinkedSignalNode<S extends @Nullable Object, T extends @Nullable Object> extends DerivedNode<T>
        implements LinkedSignal<T> {

    private static final Object NO_SOURCE = new Object();

    private final Supplier<S> source;
    private final BiFunction<? super S, @Nullable Previous<S, T>, T> computation;

    /** The source value the last successful computation used. Guarded by the domain's lock. */
    private @Nullable Object lastSource = NO_SOURCE;

    LinkedSignalNode(Supplier<S> source, BiFunction<? super S, @Nullable Previous<S, T>, T> computation,
            @Nullable BiPredicate<? super T, ? super T> equality) {
        super(equality);
        this.source = source;
        this.computation = computation;
    }

    @Override
    NodeKind kind() {
        return NodeKind.LINKED_SIGNAL;
    }

    @Override
    public LinkedSignal<T> named(String name) {
        setName(name);
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    T compute(@Nullable Object old) {
        S s = source.get();
        Previous<S, T> previous = lastSource == NO_SOURCE || old == UNSET || old instanceof Failure
                ? null : new Previous<>((S) lastSource, (T) old);
        T next = computation.apply(s, previous);
        lastSource = s;
        return next;
    }

    @Override
    public void set(T newValue) {
        write(null, newValue);
    }

    @Override
    public void update(UnaryOperator<T> updater) {
        Objects.requireNonNull(updater, "updater");
        write(updater, null);
    }

    /** Sets {@code newValue}, or, with an updater, what it returns for the current value. */
    private void write(@Nullable UnaryOperator<T> updater, @Nullable T newValue) {
        ThreadState ts = ThreadState.current();
        Engine.checkWritable(ts, this);
        while (true) {
            boolean outermost = Domain.enter(this, ts);
            try {
                if (!writeLocked(updater, newValue, ts)) {
                    return;
                }
                break;
            } catch (Domain.Restart restart) {
                if (!outermost) {
                    throw restart;
                }
            } finally {
                Domain.exit(ts);
            }
            // The computation or updater used another graph that another thread was using: run again, joined.
            Domain.mergeForRetry(ts);
        }
        EffectQueue.flushIfIdle(ts);
    }

    /** The write under the domain's lock; returns whether the value changed. */
    private boolean writeLocked(@Nullable UnaryOperator<T> updater, @Nullable T newValue, ThreadState ts) {
        // Compute first, so the inputs are tracked and a later change of them resets the value.
        refresh(ts);
        Object current = value;
        // update() of a failed value rethrows the failure (peek); set() simply replaces it.
        T next;
        Node outer = ts.updating;
        ts.updating = this;
        try {
            next = updater != null ? SignalNode.apply(updater, peek(), ts) : newValue;
            if (!(current instanceof Failure) && isEqual(current, next)) {
                return false;
            }
        } finally {
            ts.updating = outer;
        }
        if (ts.restarting()) {
            throw ts.restartSignal(); // the equality swallowed a restart
        }
        Domain.of(this).bumpVersion();
        entry.writes++;
        Engine.propagate(subsHead, ts);
        publish(next);
        markValidated();
        ReaktivListener[] listeners = Listeners.current();
        if (listeners != null) {
            Listeners.written(listeners, this, ts);
        }
        return true;
    }

    @Override
    public ReadableSignal<T> asReadonly() {
        return new ReadonlyView<>(this);
    }
}
