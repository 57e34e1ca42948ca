package io.reaktiv.spring.autoconfigure;

import io.reaktiv.EffectErrorHandler;
import io.reaktiv.EffectScheduler;
import io.reaktiv.EffectScope;
import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.Reaktiv;
import io.reaktiv.spring.LoggingEffectErrorHandler;
import io.reaktiv.spring.ReactiveEffectMethodProcessor;
import io.reaktiv.spring.ReactiveEffectObserver;
import io.reaktiv.spring.ReactiveNodeNamingPostProcessor;
import io.reaktiv.spring.ReaktivEffectExecutor;
import io.reaktiv.spring.ReaktivEffectRegistry;
import io.reaktiv.spring.ReaktivLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The core of the starter: the context's effect scheduler and its threads, the context's
 * {@link EffectScope} ({@code reaktivScope}), {@link io.reaktiv.spring.ReactiveEffect} methods, graph names after
 * beans, and the lifecycle that starts and stops the context's effects. Switched off by
 * {@code reaktiv.enabled=false}. Every bean backs off when the application declares its own.
 *
 * <p>Nothing here changes the engine's process-wide state (default scheduler, error handler, listeners): several
 * contexts live in one JVM, so each passes its own scheduler and error handler to the effects it creates.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "reaktiv.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ReaktivProperties.class)
public final class ReaktivAutoConfiguration {

    /** The name of the context's {@link EffectScope} bean. */
    public static final String SCOPE_BEAN_NAME = "reaktivScope";

    ReaktivAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    static ReactiveEffectMethodProcessor reactiveEffectMethodProcessor(ObjectProvider<ReaktivEffectRegistry> registry) {
        return new ReactiveEffectMethodProcessor(registry::getObject);
    }

    @Bean
    @ConditionalOnMissingBean
    static ReactiveNodeNamingPostProcessor reactiveNodeNamingPostProcessor() {
        return new ReactiveNodeNamingPostProcessor();
    }

    @Bean(name = SCOPE_BEAN_NAME)
    @ConditionalOnMissingBean(name = SCOPE_BEAN_NAME)
    EffectScope reaktivScope() {
        return Reaktiv.scope();
    }

    @Bean
    @ConditionalOnMissingBean
    EffectErrorHandler reaktivEffectErrorHandler() {
        return new LoggingEffectErrorHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    ReaktivEffectRegistry reaktivEffectRegistry(@Qualifier(SCOPE_BEAN_NAME) EffectScope scope,
            ObjectProvider<ExecutorEffectScheduler> scheduler, EffectErrorHandler errorHandler,
            ObjectProvider<ReactiveEffectObserver> observer) {
        // Inline mode passes the synchronous scheduler explicitly: the process-wide default may have been changed.
        ExecutorEffectScheduler managed = scheduler.getIfUnique();
        EffectScheduler effectScheduler = managed != null ? managed : EffectScheduler.synchronous();
        return new ReaktivEffectRegistry(scope, effectScheduler, errorHandler,
                () -> observer.getIfUnique(() -> ReactiveEffectObserver.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    ReaktivLifecycle reaktivLifecycle(ReaktivEffectRegistry registry, ObjectProvider<ExecutorEffectScheduler> scheduler,
            ObjectProvider<ReaktivEffectExecutor> executor, ReaktivProperties properties) {
        return new ReaktivLifecycle(registry, scheduler.getIfUnique(), executor.getIfUnique(),
                properties.getShutdown().getAwaitTerminationPeriod());
    }

    /** The managed scheduler, unless effects run inline. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "reaktiv.scheduler.mode", havingValue = "executor", matchIfMissing = true)
    static class ExecutorSchedulerConfiguration {

        @Bean
        @ConditionalOnMissingBean({ ReaktivEffectExecutor.class, ExecutorEffectScheduler.class })
        ReaktivEffectExecutor reaktivEffectExecutor(ReaktivProperties properties, Environment environment) {
            ReaktivProperties.Scheduler scheduler = properties.getScheduler();
            Boolean virtual = scheduler.getVirtualThreads();
            if (virtual == null ? Threading.VIRTUAL.isActive(environment) : virtual) {
                return ReaktivEffectExecutor.virtualThreads(scheduler.getThreadNamePrefix());
            }
            Integer poolSize = scheduler.getPoolSize();
            return ReaktivEffectExecutor.platformThreads(
                    poolSize != null ? poolSize : Runtime.getRuntime().availableProcessors(),
                    scheduler.getThreadNamePrefix());
        }

        @Bean
        @ConditionalOnMissingBean
        ExecutorEffectScheduler reaktivEffectScheduler(ReaktivEffectExecutor executor) {
            return EffectScheduler.executor(executor::execute);
        }
    }
}
