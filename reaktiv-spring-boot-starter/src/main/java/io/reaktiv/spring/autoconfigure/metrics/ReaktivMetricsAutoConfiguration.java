package io.reaktiv.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.spring.ReactiveEffectObserver;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import io.reaktiv.spring.metrics.ObservationEffectObserver;
import io.reaktiv.spring.metrics.ReactiveEffectObservationConvention;
import io.reaktiv.spring.metrics.ReaktivMeterBinder;
import io.reaktiv.spring.metrics.TimerEffectObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * reaktiv's meters, when Micrometer is present with a {@link MeterRegistry} and {@code reaktiv.metrics.enabled} is
 * not {@code false}: the {@link ReaktivMeterBinder} (counters and gauges, bound by Spring Boot to every registry)
 * and the timing of effect runs, as a {@code reaktiv.effect} observation when an {@link ObservationRegistry} bean
 * exists, else as a {@code reaktiv.effect} timer. Users switch the meters off with
 * {@code management.metrics.enable.reaktiv=false} too.
 */
@AutoConfiguration(after = ReaktivAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "reaktiv.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "reaktiv.metrics.enabled", matchIfMissing = true)
@ConditionalOnBean(MeterRegistry.class)
public final class ReaktivMetricsAutoConfiguration {

    ReaktivMetricsAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    ReaktivMeterBinder reaktivMeterBinder(ObjectProvider<ExecutorEffectScheduler> scheduler) {
        return new ReaktivMeterBinder(scheduler.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveEffectObserver reaktivEffectObserver(ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<ReactiveEffectObservationConvention> convention, MeterRegistry meterRegistry) {
        ObservationRegistry observations = observationRegistry.getIfUnique();
        if (observations != null) {
            return new ObservationEffectObserver(observations, convention.getIfUnique());
        }
        return new TimerEffectObserver(meterRegistry);
    }
}
