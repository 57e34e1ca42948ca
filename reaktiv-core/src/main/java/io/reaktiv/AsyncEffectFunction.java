package io.reaktiv;

import java.util.concurrent.CompletionStage;

/** The body of an async effect that registers cleanup functions. */
@FunctionalInterface
public interface AsyncEffectFunction {

    /**
     * Starts one run's asynchronous work.
     *
     * @param onCleanup registers functions to run before the next run and on dispose; usable while this
     *     method runs, not from the stage's callbacks
     * @return the stage of the work; the effect counts as running until it completes
     */
    CompletionStage<?> run(OnCleanup onCleanup);
}
