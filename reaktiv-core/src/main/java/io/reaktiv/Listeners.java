package io.reaktiv;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The installed listeners: a copy-on-write array, {@code null} while empty, so the hot paths pay one volatile
 * read and a null check.
 */
final class Listeners {

    private static volatile ReaktivListener @Nullable [] installed;

    private Listeners() {
    }

    static ReaktivListener @Nullable [] current() {
        return installed;
    }

    static synchronized ListenerRegistration add(ReaktivListener listener) {
        Objects.requireNonNull(listener, "listener");
        ReaktivListener[] now = installed;
        if (now == null) {
            installed = new ReaktivListener[] {listener};
        } else {
            ReaktivListener[] next = Arrays.copyOf(now, now.length + 1);
            next[now.length] = listener;
            installed = next;
        }
        return new Registration(listener);
    }

    static synchronized boolean remove(ReaktivListener listener) {
        ReaktivListener[] now = installed;
        if (now == null) {
            return false;
        }
        for (int i = 0; i < now.length; i++) {
            if (now[i] == listener) {
                ReaktivListener[] next = new ReaktivListener[now.length - 1];
                System.arraycopy(now, 0, next, 0, i);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                installed = next.length == 0 ? null : next;
                return true;
            }
        }
        return false;
    }

    static void written(ReaktivListener[] listeners, ReadableSignal<?> signal, ThreadState ts) {
        boolean outer = !ts.inListener;
        ts.inListener = true;
        try {
            for (ReaktivListener l : listeners) {
                try {
                    l.onWrite(signal);
                } catch (Throwable e) {
                    Failures.logIgnored("Listener " + l + " failed", e);
                }
            }
        } finally {
            ts.inListener = !outer;
        }
    }

    static void recomputed(ReaktivListener[] listeners, ReadableSignal<?> computed, long nanos,
            @Nullable Throwable error, ThreadState ts) {
        boolean outer = !ts.inListener;
        ts.inListener = true;
        try {
            for (ReaktivListener l : listeners) {
                try {
                    l.onRecompute(computed, nanos, error);
                } catch (Throwable e) {
                    Failures.logIgnored("Listener " + l + " failed", e);
                }
            }
        } finally {
            ts.inListener = !outer;
        }
    }

    static void ran(ReaktivListener[] listeners, Effect effect, long nanos, @Nullable Throwable error) {
        for (ReaktivListener l : listeners) {
            try {
                l.onEffectRun(effect, nanos, error);
            } catch (Throwable e) {
                Failures.logIgnored("Listener " + l + " failed", e);
            }
        }
    }

    /** Removes its listener once; the first {@code close()} wins. */
    private static final class Registration implements ListenerRegistration {
        private final ReaktivListener listener;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        Registration(ReaktivListener listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                remove(listener);
            }
        }

        @Override
        public String toString() {
            return "ListenerRegistration[" + listener + (closed.get() ? ", removed]" : "]");
        }
    }
}
