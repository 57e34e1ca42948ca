package io.reaktiv.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.Computed;
import io.reaktiv.Effect;
import io.reaktiv.LinkedSignal;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/** Nodes that are beans, or fields of beans, are named after them. */
class ReactiveNodeNamingTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class))
            .withPropertyValues("reaktiv.scheduler.mode=inline");

    @Test
    void nodesThatAreBeansShouldBeNamedAfterTheBean() {
        runner.withUserConfiguration(NodeBeans.class).run(context -> {
            assertThat(context.getBean("serverMetrics", Signal.class).name()).isEqualTo("serverMetrics");
            assertThat(context.getBean("load", Computed.class).name()).isEqualTo("load");
            assertThat(context.getBean("draft", LinkedSignal.class).name()).isEqualTo("draft");
            assertThat(context.getBean("printer", Effect.class).name()).isEqualTo("printer");
        });
    }

    @Test
    void fieldsOfBeansShouldBeNamedBeanNameDotFieldName() {
        runner.withBean("sensorMonitor", HealthMonitor.class).run(context -> {
            HealthMonitor monitor = context.getBean(HealthMonitor.class);
            assertThat(monitor.thresholds.name()).isEqualTo("sensorMonitor.thresholds");
            assertThat(monitor.healthStatus.name()).isEqualTo("sensorMonitor.healthStatus");
            assertThat(monitor.override.name()).isEqualTo("sensorMonitor.override");
            assertThat(monitor.logger.name()).isEqualTo("sensorMonitor.logger");
            assertThat(((Computed<?>) monitor.readable).name()).isEqualTo("sensorMonitor.readable");
            assertThat(monitor.inherited.name()).isEqualTo("sensorMonitor.inherited");
            assertThat(monitor.unassigned).isNull();
        });
    }

    @Test
    void explicitNamesShouldBeKept() {
        runner.withBean("explicit", Explicit.class).withUserConfiguration(ExplicitBean.class).run(context -> {
            assertThat(context.getBean(Explicit.class).chosen.name()).isEqualTo("chosen-by-user");
            assertThat(context.getBean("namedSignal", Signal.class).name()).isEqualTo("given");
        });
    }

    @Test
    void aNodeShouldKeepItsBeanNameWhenAlsoHeldInAField() {
        runner.withUserConfiguration(NodeBeans.class).withBean("holder", Holder.class).run(context ->
                assertThat(context.getBean(Holder.class).metrics.name()).isEqualTo("serverMetrics"));
    }

    @Test
    void aNodeShouldKeepTheFirstFieldItIsFoundIn() {
        Signal<String> shared = Reaktiv.signal("x");
        runner.withBean("first", Sharer.class, () -> new Sharer(shared))
                .withBean("second", Sharer.class, () -> new Sharer(shared))
                .run(context -> assertThat(shared.name()).isEqualTo("first.value"));
    }

    @Test
    void fieldsOfAProxiedBeanShouldBeFoundOnItsTarget() {
        runner.withBean("proxier", TargetClassProxier.class).withBean("proxied", Proxied.class).run(context -> {
            Object bean = context.getBean("proxied");
            assertThat(org.springframework.aop.support.AopUtils.isCglibProxy(bean)).isTrue();
            assertThat(((Proxied) bean).counter().name()).isEqualTo("proxied.counter");
        });
    }

    @Test
    void namingShouldBeOffWhenReaktivIsDisabled() {
        runner.withPropertyValues("reaktiv.enabled=false").withBean("sensorMonitor", HealthMonitor.class)
                .run(context -> assertThat(context.getBean(HealthMonitor.class).thresholds.name()).isNull());
    }

    // ---------------------------------------------------------------- fixtures

    @Configuration(proxyBeanMethods = false)
    static class NodeBeans {
        @Bean
        Signal<Integer> serverMetrics() {
            return Reaktiv.signal(1);
        }

        @Bean
        Computed<Integer> load(Signal<Integer> serverMetrics) {
            return Reaktiv.computed(() -> serverMetrics.get() * 2);
        }

        @Bean
        LinkedSignal<Integer> draft(Signal<Integer> serverMetrics) {
            return Reaktiv.linkedSignal(serverMetrics::get);
        }

        @Bean(destroyMethod = "dispose")
        Effect printer(Computed<Integer> load) {
            return Reaktiv.effect(load::get);
        }
    }

    static class Base {
        final Signal<Integer> inherited = Reaktiv.signal(0);
    }

    static class HealthMonitor extends Base {
        final Signal<Integer> thresholds = Reaktiv.signal(90);
        final Computed<Boolean> healthStatus = Reaktiv.computed(() -> thresholds.get() > 50);
        final LinkedSignal<Integer> override = Reaktiv.linkedSignal(thresholds::get);
        final ReadableSignal<Integer> readable = Reaktiv.computed(() -> thresholds.get() + 1);
        final Effect logger = Reaktiv.effect(() -> healthStatus.get());
        Signal<Integer> unassigned;
        static final Signal<Integer> STATIC = Reaktiv.signal(0);
    }

    static class Explicit {
        final Signal<Integer> chosen = Reaktiv.signal(0).named("chosen-by-user");
    }

    @Configuration(proxyBeanMethods = false)
    static class ExplicitBean {
        @Bean
        Signal<Integer> namedSignal() {
            return Reaktiv.signal(0).named("given");
        }
    }

    static class Holder {
        final Signal<Integer> metrics;

        Holder(Signal<Integer> serverMetrics) {
            this.metrics = serverMetrics;
        }
    }

    static class Sharer {
        final Signal<String> value;

        Sharer(Signal<String> value) {
            this.value = value;
        }
    }

    static class Proxied {
        private final Signal<Integer> counter = Reaktiv.signal(0);

        Signal<Integer> counter() {
            return counter;
        }
    }

    /** Proxies "proxied" with CGLIB before the starter's post-processors see it. */
    static class TargetClassProxier implements BeanPostProcessor, PriorityOrdered {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!name.equals("proxied")) {
                return bean;
            }
            ProxyFactory factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(true);
            factory.addAdvice((MethodInterceptor) invocation -> invocation.proceed());
            return factory.getProxy();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
