package io.reaktiv.spring.autoconfigure.actuate;

import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.spring.ReaktivLifecycle;
import io.reaktiv.spring.actuate.ReaktivHealthIndicator;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * The {@code reaktiv} health indicator, when Spring Boot's health support is present, reaktiv is enabled and
 * {@code management.health.reaktiv.enabled} is not {@code false}.
 */
@AutoConfiguration(after = ReaktivAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ Health.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBooleanProperty(name = "reaktiv.enabled", matchIfMissing = true)
@ConditionalOnBean(ReaktivLifecycle.class)
@ConditionalOnEnabledHealthIndicator("reaktiv")
public final class ReaktivHealthContributorAutoConfiguration {

    ReaktivHealthContributorAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "reaktivHealthIndicator")
    ReaktivHealthIndicator reaktivHealthIndicator(ObjectProvider<ExecutorEffectScheduler> scheduler,
            ReaktivLifecycle lifecycle) {
        return new ReaktivHealthIndicator(scheduler.getIfUnique(), lifecycle::isRunning);
    }
}
