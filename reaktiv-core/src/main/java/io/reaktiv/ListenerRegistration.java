package io.reaktiv;

/**
 * The handle of a listener installed by {@link Reaktiv#addListener}: closing it removes that listener, once.
 * Whoever installs a listener for a bounded lifetime (an application context, a test) keeps the handle and
 * closes it at the end, leaving every other listener in place.
 */
public interface ListenerRegistration extends AutoCloseable {

    /** Removes the listener. Idempotent; thread-safe. */
    @Override
    void close();
}
