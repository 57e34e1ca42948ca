package io.reaktiv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Owns the effects (and nested scopes) created inside {@link #run(Runnable)} and disposes them together,
 * newest first. Use one per component lifetime: a request, a session, an application context.
 *
 * <pre>{@code
 * try (EffectScope scope = Reaktiv.scope()) {
 *     scope.run(() -> effect(() -> log(status.get())));
 *     ...
 * } // every effect created in the scope is disposed here
 * }</pre>
 *
 * <p>Thread-safe. Running code in a disposed scope is allowed, but effects it creates are disposed at once
 * and never run.
 */
public final class EffectScope implements AutoCloseable {

    private final ScopeOwner owner = new ScopeOwner();

    EffectScope() {
        Owner parent = ThreadState.current().owner;
        if (parent != null) {
            parent.adopt(owner);
        }
    }

    /**
     * Runs {@code body}; effects and scopes it creates on this thread belong to this scope.
     *
     * @param body the code to run
     */
    public void run(Runnable body) {
        Objects.requireNonNull(body, "body");
        run(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body} and returns its result; effects and scopes it creates on this thread belong to this
     * scope.
     *
     * @param body the code to run
     * @param <T> the result type
     * @return what {@code body} returned
     */
    public <T extends @org.jspecify.annotations.Nullable Object> T run(Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        ThreadState ts = ThreadState.current();
        Owner previous = ts.owner;
        ts.owner = owner;
        try {
            return body.get();
        } finally {
            ts.owner = previous;
        }
    }

    /**
     * Returns how many effects and nested scopes this scope currently owns (disposed ones are forgotten).
     *
     * @return the number of owned effects and scopes
     */
    public int size() {
        synchronized (owner) {
            return owner.owned.size();
        }
    }

    /**
     * Disposes every effect and nested scope this scope owns, newest first. Idempotent.
     */
    public void dispose() {
        owner.dispose();
    }

    /**
     * Returns whether this scope was disposed.
     *
     * @return {@code true} once disposed
     */
    public boolean isDisposed() {
        synchronized (owner) {
            return owner.disposed;
        }
    }

    /** Same as {@link #dispose()}. */
    @Override
    public void close() {
        dispose();
    }

    /** The owner side, kept private so the package-private interfaces do not show on the public type. */
    private static final class ScopeOwner implements Owner, Disposable {

        /** Guarded by {@code this}. */
        private final LinkedHashSet<Disposable> owned = new LinkedHashSet<>();
        private boolean disposed;

        @Override
        public void adopt(Disposable item) {
            synchronized (this) {
                if (!disposed) {
                    owned.add(item);
                    return;
                }
            }
            item.dispose();
        }

        @Override
        public void release(Disposable item) {
            synchronized (this) {
                owned.remove(item);
            }
        }

        @Override
        public void dispose() {
            List<Disposable> items;
            synchronized (this) {
                if (disposed) {
                    return;
                }
                disposed = true;
                items = new ArrayList<>(owned);
                owned.clear();
            }
            for (int i = items.size() - 1; i >= 0; i--) {
                items.get(i).dispose();
            }
        }
    }
}
