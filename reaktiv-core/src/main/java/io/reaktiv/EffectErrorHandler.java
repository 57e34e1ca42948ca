package io.reaktiv;

/**
 * Receives exceptions thrown by effects (and effects stopped as self-triggering cycles). It is called on the
 * thread that ran the effect, outside every internal lock. An exception it throws itself is logged and
 * otherwise ignored.
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
