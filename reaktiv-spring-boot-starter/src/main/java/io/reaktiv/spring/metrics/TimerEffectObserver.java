package io.reaktiv.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reaktiv.spring.ReactiveEffectObserver;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Times each effect run with a timer {@code reaktiv.effect} tagged {@code name} and {@code error} (the exception's
 * simple class name, or {@code none}): the same meter an observation would give, for applications without an
 * {@code ObservationRegistry}.
 */
public class TimerEffectObserver implements ReactiveEffectObserver {

    private final MeterRegistry registry;

    /**
     * Creates the observer.
     *
     * @param registry where the timer goes
     */
    public TimerEffectObserver(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Run start(String effectName, boolean async) {
        Timer.Sample sample = Timer.start(registry);
        return error -> sample.stop(Timer.builder(ReactiveEffectObservationDocumentation.EFFECT.getName())
                .description("Effect runs")
                .tag("name", effectName)
                .tag("error", errorTag(error))
                .register(registry));
    }

    private static String errorTag(@Nullable Throwable error) {
        return error == null ? "none" : error.getClass().getSimpleName();
    }
}
