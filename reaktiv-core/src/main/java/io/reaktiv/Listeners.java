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

    static synchronized void add(ReaktivListener listener) {
        Objects.requireNonNull(listener, "listener");
        ReaktivListener[] now = installed;
        if (now == null) {
            installed = new ReaktivListener[] {listener};
        } else {
            ReaktivListener[] next = Arrays.copyOf(now, now.length + 1);
            next[now.length] = listener;
            installed = next;
        }
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

    static void written(ReaktivListener[] listeners, ReadableSignal<?> signal) {
        for (ReaktivListener l : listeners) {
            try {
                l.onWrite(signal);
            } catch (RuntimeException e) {
                logFailure(l, e);
            }
        }
    }

    static void recomputed(ReaktivListener[] listeners, ReadableSignal<?> computed, long nanos,
            @Nullable Throwable error) {
        for (ReaktivListener l : listeners) {
            try {
                l.onRecompute(computed, nanos, error);
            } catch (RuntimeException e) {
                logFailure(l, e);
            }
        }
    }

    static void ran(ReaktivListener[] listeners, Effect effect, long nanos, @Nullable Throwable error) {
        for (ReaktivListener l : listeners) {
            try {
                l.onEffectRun(effect, nanos, error);
            } catch (RuntimeException e) {
                logFailure(l, e);
            }
        }
    }

    /** A failing listener must not break the graph: log it and carry on. */
    private static void logFailure(ReaktivListener listener, RuntimeException e) {
        System.getLogger(Reaktiv.class.getName()).log(System.Logger.Level.WARNING,
                "Listener " + listener + " failed", e);
    }
}
