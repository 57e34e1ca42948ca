package io.reaktiv.spring.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.reaktiv.spring.ReactiveEffectObserver;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Observes each effect run as a {@code reaktiv.effect} observation: with Boot's metrics that is a timer
 * {@code reaktiv.effect} tagged {@code name} (and {@code error}), and with tracing a span. The observation is
 * current on the effect's thread while the method runs; an async run's observation stops when its stage
 * completes.
 */
public class ObservationEffectObserver implements ReactiveEffectObserver {

    private final ObservationRegistry registry;
    private final @Nullable ReactiveEffectObservationConvention convention;

    /**
     * Creates the observer.
     *
     * @param registry where observations go
     * @param convention a custom convention, or {@code null} for the default
     */
    public ObservationEffectObserver(ObservationRegistry registry,
            @Nullable ReactiveEffectObservationConvention convention) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
    }

    @Override
    public Run start(String effectName, boolean async) {
        Observation observation = ReactiveEffectObservationDocumentation.EFFECT
                .observation(convention, DefaultReactiveEffectObservationConvention.INSTANCE,
                        () -> new ReactiveEffectObservationContext(effectName, async), registry)
                .start();
        Observation.Scope scope = observation.openScope();
        return new Run() {
            @Override
            public void leave() {
                scope.close();
            }

            @Override
            public void end(@Nullable Throwable error) {
                if (error != null) {
                    observation.error(error);
                }
                observation.stop();
            }
        };
    }
}
