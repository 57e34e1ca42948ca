package io.reaktiv.spring.metrics;

import io.micrometer.observation.Observation;
import java.util.Objects;

/** The context of one observed run of a {@link io.reaktiv.spring.ReactiveEffect} effect. */
public class ReactiveEffectObservationContext extends Observation.Context {

    private final String effectName;
    private final boolean async;

    /**
     * Creates the context of one run.
     *
     * @param effectName the effect's name
     * @param async whether the effect is async (the run ends when its stage completes)
     */
    public ReactiveEffectObservationContext(String effectName, boolean async) {
        this.effectName = Objects.requireNonNull(effectName, "effectName");
        this.async = async;
    }

    /**
     * Returns the effect's name.
     *
     * @return the name
     */
    public String getEffectName() {
        return effectName;
    }

    /**
     * Returns whether the effect is async.
     *
     * @return {@code true} for an async effect
     */
    public boolean isAsync() {
        return async;
    }
}
