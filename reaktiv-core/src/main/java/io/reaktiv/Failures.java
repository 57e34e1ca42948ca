package io.reaktiv;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one policy for what user code throws, wherever the engine calls it (computed functions, effect bodies
 * and cleanups, equalities, updaters, error handlers, listeners, loaders, subscribers):
 * <ol>
 *   <li>Everything is caught as {@link Throwable}: unchecked and checked exceptions (thrown sneakily from
 *   Kotlin or Lombok code) and {@link Error}s alike. Whatever was claimed (a run, a lock, a flag) is released
 *   in {@code finally}, so the engine stays consistent and usable.</li>
 *   <li>A failure is the user code's answer and is treated like a value: a computed memoizes it, an effect
 *   reports it to its error handler and keeps reacting, a resource shows it as its error, a publisher signals
 *   {@code onError}. The exception is {@linkplain #isFatal fatal} JVM trouble ({@link VirtualMachineError}:
 *   out of memory, stack overflow), which says nothing about the inputs: it is never memoized, the node
 *   computes again on its next read, and it is passed on to whoever asked.</li>
 *   <li>What an error handler or a listener throws is logged and otherwise ignored: reporting a failure never
 *   fails the engine.</li>
 * </ol>
 */
final class Failures {

    private static final System.Logger LOG = System.getLogger(Reaktiv.class.getName());

    private Failures() {
    }

    /** Whether {@code error} is JVM trouble rather than an answer of the user code: never memoized. */
    static boolean isFatal(Throwable error) {
        return error instanceof VirtualMachineError;
    }

    /** Hands an effect's failure to {@code handler}; never throws. Call outside the lock. */
    static void report(Effect effect, EffectErrorHandler handler, Throwable error) {
        try {
            handler.handle(effect, error);
        } catch (Throwable handlerFailure) {
            if (handlerFailure != error) {
                handlerFailure.addSuppressed(error);
            }
            logIgnored("The error handler " + handler + " failed while handling an error of " + effect,
                    handlerFailure);
        }
    }

    /** Logs a failure of code whose failures are ignored (listeners, handlers); never throws. */
    static void logIgnored(String message, Throwable error) {
        try {
            LOG.log(System.Logger.Level.ERROR, message, error);
        } catch (Throwable ignored) {
            // Logging itself failed (out of memory, a broken logging backend): nothing more can be done.
        }
    }

    /** The failure a completed stage or future carries, without the wrapper the JDK put around it. */
    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Throws {@code error} as is, checked or not. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable error) throws E {
        throw (E) error;
    }
}
