package io.reaktiv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A writable value. Reads never lock. A write locks the signal's graph component ({@link Domain}), and only
 * when the value really changes: an equal value is detected before the lock is taken.
 */
final class SignalNode<T extends @Nullable Object> extends Node implements Signal<T> {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(SignalNode.class, "value", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final @Nullable BiPredicate<? super T, ? super T> equality;

    /** Written under the domain's lock (release), after the propagation marks and before the version. */
    private volatile T value;

    SignalNode(T initial, @Nullable BiPredicate<? super T, ? super T> equality) {
        super(null);
        this.value = initial;
        this.equality = equality;
    }

    @Override
    NodeKind kind() {
        return NodeKind.SIGNAL;
    }

    @Override
    boolean isWatched() {
        return false;
    }

    @Override
    public Signal<T> named(String name) {
        setName(name);
        return this;
    }

    @Override
    public T get() {
        ThreadState ts = ThreadState.current();
        Node sub = ts.activeSub;
        if (sub == null) {
            return ts.readsJoin() ? readJoined(null, ts) : value;
        }
        if (ts.updating != null && ts.heldCount() != 0) {
            return readJoined(sub, ts); // an updater run by an effect: tracked by the effect, and joined
        }
        // Version before value: a recorded version is never newer than the value read with it.
        int version = this.version;
        T v = value;
        if (Engine.tryReuse(this, sub, version)) {
            return v;
        }
        return readLinked(sub, ts);
    }

    @Override
    public T peek() {
        ThreadState ts = ThreadState.current();
        return ts.readsJoin() ? readJoined(null, ts) : value;
    }

    /**
     * A read by user code running under a domain's lock (an updater, an equality, a function reading without
     * tracking): under that lock, with this signal's domain joined to it (see {@link Domain#joinHeld}),
     * so the value cannot change until that code's result is written. Linked to {@code sub} if not null.
     */
    private T readJoined(@Nullable Node sub, ThreadState ts) {
        Domain.joinHeld(this, ts);
        try {
            return sub == null ? value : readLinked(sub, ts);
        } finally {
            Domain.exit(ts);
        }
    }

    private T readLinked(Node sub, ThreadState ts) {
        Domain.enterJoined(this, sub, ts);
        try {
            Engine.link(this, sub);
            return value;
        } finally {
            Domain.exit(ts);
        }
    }

    @Override
    public void set(T newValue) {
        ThreadState ts = ThreadState.current();
        Engine.checkWritable(ts, this);
        T observed = value;
        if (isEqual(observed, newValue, ts)) {
            return;
        }
        while (true) {
            boolean outermost = Domain.enter(this, ts);
            try {
                T current = value;
                if (current != observed && isEqual(current, newValue, ts)) {
                    return; // another thread wrote meanwhile
                }
                commit(newValue, ts);
                break;
            } catch (Domain.Restart restart) {
                if (!outermost) {
                    throw restart;
                }
            } finally {
                Domain.exit(ts);
            }
            Domain.mergeForRetry(ts); // the equality read another graph that another thread was using
        }
        EffectQueue.flushIfIdle(ts);
    }

    @Override
    public void update(UnaryOperator<T> updater) {
        Objects.requireNonNull(updater, "updater");
        ThreadState ts = ThreadState.current();
        Engine.checkWritable(ts, this);
        while (true) {
            boolean outermost = Domain.enter(this, ts);
            Node outer = ts.updating;
            ts.updating = this;
            try {
                T current = value;
                T next = apply(updater, current, ts);
                if (isEqual(current, next, ts)) {
                    return;
                }
                ts.updating = outer;
                commit(next, ts);
                break;
            } catch (Domain.Restart restart) {
                if (!outermost) {
                    throw restart;
                }
            } finally {
                ts.updating = outer;
                Domain.exit(ts);
            }
            // The updater used another graph that another thread was using: run it again with the graphs joined.
            Domain.mergeForRetry(ts);
        }
        EffectQueue.flushIfIdle(ts);
    }

    /**
     * Runs an updater; one that swallowed a restart (see {@link Domain}) is aborted all the same, since its
     * result may rest on a read that did not happen.
     */
    static <V extends @Nullable Object> V apply(UnaryOperator<V> updater, V current, ThreadState ts) {
        V next;
        try {
            next = updater.apply(current);
        } catch (Throwable t) {
            if (ts.restarting()) {
                throw ts.restartSignal();
            }
            throw t;
        }
        if (ts.restarting()) {
            throw ts.restartSignal();
        }
        return next;
    }

    /**
     * Domain lock held. Bumps the domain's version first, then marks and notifies, then publishes the value,
     * then the version.
     */
    private void commit(T newValue, ThreadState ts) {
        Domain.of(this).bumpVersion();
        entry.writes++;
        Engine.propagate(subsHead, ts);
        VALUE.setRelease(this, newValue);
        bumpVersionRelease();
        ReaktivListener[] listeners = Listeners.current();
        if (listeners != null) {
            Listeners.written(listeners, this, ts);
        }
    }

    /** Equal by the signal's equality; a custom one runs with writes to this signal refused. */
    private boolean isEqual(T a, T b, ThreadState ts) {
        BiPredicate<? super T, ? super T> eq = equality;
        if (eq == null) {
            return Objects.equals(a, b);
        }
        Node outer = ts.updating;
        ts.updating = this;
        boolean equal;
        try {
            equal = eq.test(a, b);
        } catch (Throwable t) {
            if (ts.restarting()) {
                throw ts.restartSignal();
            }
            throw t;
        } finally {
            ts.updating = outer;
        }
        if (ts.restarting()) {
            throw ts.restartSignal(); // the equality swallowed a restart: its answer may rest on a missed read
        }
        return equal;
    }

    @Override
    public ReadableSignal<T> asReadonly() {
        return new ReadonlyView<>(this);
    }


    @Override
    public String toString() {
        String name = name();
        return "Signal[" + (name != null ? name + ", " : "") + "value=" + value + "]";
    }
}
