package io.reaktiv.spring.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code reaktiv.effect} observation. Declare a bean of this type to change them; the default
 * is {@link DefaultReactiveEffectObservationConvention}.
 */
public interface ReactiveEffectObservationConvention extends ObservationConvention<ReactiveEffectObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ReactiveEffectObservationContext;
    }
}
