package io.reaktiv.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reaktiv.spring.ReactiveEffectObserver;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Times each effect run with a timer {@code reaktiv.effect} tagged {@code name} and {@code error} (the exception's
 * simple class name, or {@code none}): the same meter an observation would give, for applications without an
 * {@code ObservationRegistry}. The timer of successful runs is looked up once per effect name, not per run.
 */
public class TimerEffectObserver implements ReactiveEffectObserver {

    private final MeterRegistry registry;
    /** The {@code error=none} timer of each effect name. */
    private final Map<String, Timer> successTimers = new ConcurrentHashMap<>();

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
        long start = registry.config().clock().monotonicTime();
        return error -> timer(effectName, error).record(registry.config().clock().monotonicTime() - start,
                TimeUnit.NANOSECONDS);
    }

    private Timer timer(String effectName, @Nullable Throwable error) {
        if (error == null) {
            return successTimers.computeIfAbsent(effectName, name -> register(name, "none"));
        }
        return register(effectName, error.getClass().getSimpleName());
    }

    private Timer register(String effectName, String error) {
        return Timer.builder(ReactiveEffectObservationDocumentation.EFFECT.getName())
                .description("Effect runs")
                .tag("name", effectName)
                .tag("error", error)
                .register(registry);
    }
}
