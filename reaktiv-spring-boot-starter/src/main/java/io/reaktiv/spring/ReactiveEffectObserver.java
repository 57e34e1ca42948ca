package io.reaktiv.spring;

import org.jspecify.annotations.Nullable;

/**
 * Observes each run of the effects the starter creates for {@link ReactiveEffect} methods: the metrics part of
 * the starter times them (an observation {@code reaktiv.effect}, or a timer of that name). Declare a bean of this
 * type to observe them another way.
 */
@FunctionalInterface
public interface ReactiveEffectObserver {

    /** Observes nothing. */
    ReactiveEffectObserver NONE = (effectName, async) -> Run.NONE;

    /**
     * Called on the effect's thread just before a run invokes the method.
     *
     * @param effectName the effect's name
     * @param async whether the method returns a stage (the run then ends when the stage completes)
     * @return the run, told when the method returned and when the run ended
     */
    Run start(String effectName, boolean async);

    /** One observed run. */
    interface Run {

        /** A run that records nothing. */
        Run NONE = error -> { };

        /**
         * Called on the effect's thread when the method returned or threw, before {@link #end}; an async run
         * continues until its stage completes.
         */
        default void leave() {
        }

        /**
         * Called once when the run ended: after the method returned, or when an async run's stage completed.
         *
         * @param error what the method threw or the stage failed with, or {@code null}
         */
        void end(@Nullable Throwable error);
    }
}
