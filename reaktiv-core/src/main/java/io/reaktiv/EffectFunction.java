package io.reaktiv;

/** The body of an effect that registers cleanup functions. */
@FunctionalInterface
public interface EffectFunction {

    /**
     * Runs the effect once.
     *
     * @param onCleanup registers functions to run before the next run and on dispose
     */
    void run(OnCleanup onCleanup);
}
