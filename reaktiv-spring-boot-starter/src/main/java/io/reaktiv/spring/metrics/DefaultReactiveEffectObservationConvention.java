package io.reaktiv.spring.metrics;

import io.micrometer.common.KeyValues;

/**
 * The default convention: observation (and timer) {@code reaktiv.effect}, tagged {@code name} with the effect's
 * name; the span is called {@code effect <name>}.
 */
public class DefaultReactiveEffectObservationConvention implements ReactiveEffectObservationConvention {

    /** The shared instance. */
    public static final DefaultReactiveEffectObservationConvention INSTANCE =
            new DefaultReactiveEffectObservationConvention();

    /** Creates the convention. */
    public DefaultReactiveEffectObservationConvention() {
    }

    @Override
    public String getName() {
        return ReactiveEffectObservationDocumentation.EFFECT.getName();
    }

    @Override
    public String getContextualName(ReactiveEffectObservationContext context) {
        return "effect " + context.getEffectName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ReactiveEffectObservationContext context) {
        return KeyValues.of(ReactiveEffectObservationDocumentation.LowCardinalityKeyNames.NAME
                .withValue(context.getEffectName()));
    }
}
