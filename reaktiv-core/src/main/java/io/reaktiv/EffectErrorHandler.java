package io.reaktiv;

/**
 * Receives exceptions thrown by effects, loops of effects stopped as cycles, and effects made inactive by a
 * shut-down scheduler. It is called on the thread that ran the effect, outside every internal lock. Whatever
 * it throws itself (the error it was given included) is logged and otherwise ignored: the effect keeps
 * reacting. Set one process-wide with {@link Reaktiv#setErrorHandler}, or per effect with
 * {@link EffectOptions#withErrorHandler}.
 */
@FunctionalInterface
public interface EffectErrorHandler {

    /**
     * Handles one failed effect run.
     *
     * @param effect the effect whose run failed; it stays active
     * @param error what it threw
     */
    void handle(Effect effect, Throwable error);
}
