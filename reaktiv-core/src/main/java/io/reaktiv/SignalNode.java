package io.reaktiv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A writable value. Reads never lock. A write locks, and only when the value really changes: an equal value is
 * detected before the lock is taken.
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

    /** Written under the lock (release), after the propagation marks and before the version. */
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
            return value;
        }
        // Version before value: a recorded version is never newer than the value read with it.
        int version = this.version;
        T v = value;
        if (Engine.tryReuse(this, sub, version)) {
            return v;
        }
        boolean locked = Engine.lockUnlessHeld();
        try {
            Engine.link(this, sub);
            return value;
        } finally {
            if (locked) {
                Engine.LOCK.unlock();
            }
        }
    }

    @Override
    public T peek() {
        return value;
    }

    @Override
    public void set(T newValue) {
        ThreadState ts = ThreadState.current();
        Engine.checkWritable(ts, this);
        T observed = value;
        if (isEqual(observed, newValue, ts)) {
            return;
        }
        Engine.LOCK.lock();
        try {
            T current = value;
            if (current != observed && isEqual(current, newValue, ts)) {
                return; // another thread wrote meanwhile
            }
            commit(newValue, ts);
        } finally {
            Engine.LOCK.unlock();
        }
        EffectQueue.flushIfIdle(ts);
    }

    @Override
    public void update(UnaryOperator<T> updater) {
        Objects.requireNonNull(updater, "updater");
        ThreadState ts = ThreadState.current();
        Engine.checkWritable(ts, this);
        Engine.LOCK.lock();
        Node outer = ts.updating;
        ts.updating = this;
        try {
            T current = value;
            T next = updater.apply(current);
            if (isEqual(current, next, ts)) {
                return;
            }
            ts.updating = outer;
            commit(next, ts);
        } finally {
            ts.updating = outer;
            Engine.LOCK.unlock();
        }
        EffectQueue.flushIfIdle(ts);
    }

    /** Lock held. Marks and notifies first, then publishes the value, then the version. */
    private void commit(T newValue, ThreadState ts) {
        Engine.beginWrite();
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
        try {
            return eq.test(a, b);
        } finally {
            ts.updating = outer;
        }
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
