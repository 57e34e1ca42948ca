package io.reaktiv.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method an effect owned by the application context: it runs once after every singleton has been
 * created, then again whenever a signal or computed it read changed, until its bean is destroyed or the context
 * closes.
 *
 * <pre>{@code
 * @Component
 * class Alerts {
 *     private final ServerMetrics metrics;
 *
 *     @ReactiveEffect                                          // name: alerts.alertOnHealth
 *     void alertOnHealth() { notify(metrics.healthStatus().get()); }
 *
 *     @ReactiveEffect(name = "cache-warmer")                   // returning a CompletionStage: an async effect
 *     CompletionStage<Void> warm(OnCleanup onCleanup) { ... }
 * }
 * }</pre>
 *
 * <p>An annotated method is an instance method that takes no parameters or a single {@link io.reaktiv.OnCleanup}
 * parameter, and returns {@code void} (a synchronous effect) or a {@link java.util.concurrent.CompletionStage}
 * (an async effect). Any other signature fails the application's startup. The method runs on the starter's
 * managed effect scheduler and is invoked through the bean's proxy, if it has one, so that advice (transactions,
 * security) applies; private methods work on beans without a proxy. An exception it throws is logged with the
 * effect's name and counted; the effect keeps reacting.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReactiveEffect {

    /**
     * The effect's name in logs, metrics and the actuator graph.
     *
     * @return the name; empty (the default) for {@code beanName.methodName}
     */
    String name() default "";
}
