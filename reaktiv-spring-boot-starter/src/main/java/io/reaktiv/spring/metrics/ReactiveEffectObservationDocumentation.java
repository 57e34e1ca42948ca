package io.reaktiv.spring.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** Documents the observations of the reaktiv starter. */
public enum ReactiveEffectObservationDocumentation implements ObservationDocumentation {

    /** One run of a {@link io.reaktiv.spring.ReactiveEffect} effect, until its stage completes for async ones. */
    EFFECT {
        @Override
        public String getName() {
            return "reaktiv.effect";
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultReactiveEffectObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeyNames.values();
        }
    };

    /** The low-cardinality tags of {@link #EFFECT}. */
    public enum LowCardinalityKeyNames implements KeyName {

        /** The effect's name (bounded: one per {@code @ReactiveEffect} method). */
        NAME {
            @Override
            public String asString() {
                return "name";
            }
        }
    }
}
