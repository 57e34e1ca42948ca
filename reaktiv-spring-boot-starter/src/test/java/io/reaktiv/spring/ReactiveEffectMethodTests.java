package io.reaktiv.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.NodeKind;
import io.reaktiv.NodeSnapshot;
import io.reaktiv.OnCleanup;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/** {@link ReactiveEffect} methods: when they start, how they are invoked, named, validated and disposed. */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveEffectMethodTests {

    /** Inline mode: effects run on the writing thread, so counts can be asserted right after a write. */
    private final ApplicationContextRunner inline = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class))
            .withPropertyValues("reaktiv.scheduler.mode=inline")
            .withBean(Sensors.class);

    private final ApplicationContextRunner executor = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class))
            .withBean(Sensors.class);

    @Test
    void effectShouldRunOnceAfterStartupThenWheneverWhatItReadChanged() {
        inline.withBean("counter", Counter.class).run(context -> {
            Counter counter = context.getBean(Counter.class);
            Signal<Integer> level = context.getBean(Sensors.class).level;
            assertThat(counter.seen).containsExactly(0);
            level.set(1);
            level.set(1);
            level.set(2);
            assertThat(counter.seen).containsExactly(0, 1, 2);
        });
    }

    @Test
    void effectShouldRunOnTheManagedSchedulerAfterEachChange() {
        executor.withBean("counter", Counter.class).run(context -> {
            Counter counter = context.getBean(Counter.class);
            await().until(() -> counter.seen.size() == 1);
            context.getBean(Sensors.class).level.set(5);
            await().until(() -> counter.seen.equals(List.of(0, 5)));
        });
    }

    @Test
    void effectsShouldStartOnlyAfterEverySingletonExists() {
        List<String> log = new CopyOnWriteArrayList<>();
        inline.withBean("early", Early.class, () -> new Early(log))
                .withBean("late", Late.class, () -> new Late(log))
                .withBean("singletonsListener", SingletonsListener.class, () -> new SingletonsListener(log))
                .run(context -> assertThat(log).containsExactly("late created", "all singletons instantiated",
                        "early effect ran with late present"));
    }

    @Test
    void privateMethodShouldWorkOnABeanWithoutProxy() {
        inline.withBean("secretive", Secretive.class).run(context ->
                assertThat(context.getBean(Secretive.class).runs.get()).isEqualTo(1));
    }

    @Test
    void onCleanupShouldRunBeforeTheNextRunAndWhenTheContextCloses() {
        List<String> log = new CopyOnWriteArrayList<>();
        inline.withBean("cleaner", Cleaner.class, () -> new Cleaner(log)).run(context -> {
            context.getBean(Sensors.class).level.set(1);
            assertThat(log).containsExactly("run 0", "cleanup 0", "run 1");
        });
        assertThat(log).containsExactly("run 0", "cleanup 0", "run 1", "cleanup 1");
    }

    @Test
    void completionStageMethodShouldBeAnAsyncEffectWhosePendingStageIsCancelledOnClose() {
        List<CompletableFuture<Void>> stages = new CopyOnWriteArrayList<>();
        inline.withBean("loader", Loader.class, () -> new Loader(stages)).run(context -> {
            Signal<Integer> level = context.getBean(Sensors.class).level;
            assertThat(stages).hasSize(1);
            level.set(1);
            level.set(2);
            assertThat(stages).hasSize(1); // never two runs in flight
            stages.get(0).complete(null);
            assertThat(stages).hasSize(2); // exactly one more run, with the latest value
            assertThat(Graphs.node("loader.load").runs()).isEqualTo(2);
        });
        assertThat(stages.get(1)).isCancelled();
    }

    @Test
    void effectsShouldBeNamedAfterBeanAndMethodUnlessNamed() {
        inline.withBean("counter", Counter.class).withBean("named", Named.class).run(context -> {
            NodeSnapshot counter = Graphs.node("counter.count");
            assertThat(counter.kind()).isEqualTo(NodeKind.EFFECT);
            assertThat(counter.disposed()).isFalse();
            assertThat(Graphs.node("cache-warmer").kind()).isEqualTo(NodeKind.EFFECT);
            assertThat(Graphs.active("named.warm")).isEmpty();
        });
    }

    @Test
    void failingEffectShouldBeLoggedCountedAndKeepReacting(CapturedOutput output) {
        inline.withBean("failing", Failing.class).run(context -> {
            Signal<Integer> level = context.getBean(Sensors.class).level;
            level.set(1);
            NodeSnapshot node = Graphs.node("failing.fail");
            assertThat(node.runs()).isEqualTo(2);
            assertThat(node.errors()).isEqualTo(2);
            assertThat(node.error()).hasMessage("level 1");
            // The layout depends on whether Spring Boot's logging was initialised in this JVM yet: match parts.
            assertThat(output.getAll().lines().filter(l -> l.contains("Reactive effect 'failing.fail' failed")))
                    .hasSize(2).allMatch(l -> l.contains("ERROR") && l.contains("LoggingEffectErrorHandler"));
            assertThat(output).contains("java.lang.IllegalStateException: level 0")
                    .contains("java.lang.IllegalStateException: level 1");
        });
    }

    @Test
    void failedStageShouldBeLoggedAndCounted(CapturedOutput output) {
        inline.withBean("failingAsync", FailingAsync.class).run(context -> {
            assertThat(Graphs.node("failingAsync.load").errors()).isEqualTo(1);
            assertThat(output).contains("Reactive effect 'failingAsync.load' failed")
                    .contains("java.io.UncheckedIOException: unreachable");
        });
    }

    @Test
    void asyncMethodReturningNullShouldBeReportedAsItsFailure(CapturedOutput output) {
        inline.withBean("nullStage", NullStage.class).run(context -> {
            assertThat(Graphs.node("nullStage.load").errors()).isEqualTo(1);
            assertThat(output).contains("java.lang.NullPointerException: The @ReactiveEffect method load of bean "
                    + "'nullStage' returned null; return a CompletionStage");
        });
    }

    @Test
    void badSignaturesShouldFailStartupNamingBeanClassMethodAndWhatIsAllowed() {
        String allowed = "A @ReactiveEffect method must be an instance method that takes no parameters or a single "
                + "io.reaktiv.OnCleanup parameter, and returns void (a synchronous effect) or a "
                + "java.util.concurrent.CompletionStage (an async effect).";
        String prefix = "Invalid @ReactiveEffect method ";
        inline.withBean("bad", TakesString.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessage(prefix + "'react' (void " + TakesString.class.getName() + ".react(java.lang.String)) "
                        + "on bean 'bad' (class " + TakesString.class.getName() + "): it takes (java.lang.String). "
                        + allowed));
        inline.withBean("bad", TakesTwo.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("on bean 'bad' (class " + TakesTwo.class.getName()
                        + "): it takes (io.reaktiv.OnCleanup, int). " + allowed));
        inline.withBean("bad", ReturnsInt.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessage(prefix + "'react' (int " + ReturnsInt.class.getName() + ".react()) on bean 'bad' (class "
                        + ReturnsInt.class.getName() + "): it returns int. " + allowed));
        inline.withBean("bad", IsStatic.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessage(prefix + "'react' (static void " + IsStatic.class.getName() + ".react()) on bean 'bad' "
                        + "(class " + IsStatic.class.getName() + "): it is static. " + allowed));
    }

    @Test
    void effectOnACglibProxiedBeanShouldGoThroughTheProxy() {
        List<String> intercepted = new CopyOnWriteArrayList<>();
        inline.withBean("proxier", Proxier.class, () -> new Proxier("audited", true, intercepted))
                .withBean("audited", Audited.class).run(context -> {
                    Object bean = context.getBean("audited");
                    assertThat(AopUtils.isCglibProxy(bean)).isTrue();
                    assertThat(intercepted).containsExactly("audit");
                    context.getBean(Sensors.class).level.set(3);
                    assertThat(intercepted).containsExactly("audit", "audit");
                    assertThat(((Audited) bean).seen()).containsExactly(0, 3);
                });
    }

    @Test
    void effectOnAJdkProxiedBeanShouldGoThroughTheProxy() {
        List<String> intercepted = new CopyOnWriteArrayList<>();
        inline.withBean("proxier", Proxier.class, () -> new Proxier("reporter", false, intercepted))
                .withBean("reporter", DefaultReporter.class).run(context -> {
                    assertThat(AopUtils.isJdkDynamicProxy(context.getBean("reporter"))).isTrue();
                    assertThat(intercepted).containsExactly("report");
                    assertThat(Graphs.node("reporter.report").runs()).isEqualTo(1);
                });
    }

    @Test
    void effectMethodMissingFromAJdkProxysInterfacesShouldFailStartup() {
        inline.withBean("proxier", Proxier.class, () -> new Proxier("reporter", false, new CopyOnWriteArrayList<>()))
                .withBean("reporter", HiddenReporter.class).run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("The @ReactiveEffect method 'hidden' (public void "
                                + HiddenReporter.class.getName() + ".hidden()) on bean 'reporter' (class "
                                + HiddenReporter.class.getName() + ") cannot be invoked through the bean's proxy:"));
    }

    @Test
    void privateEffectMethodOnAProxiedBeanShouldFailStartup() {
        inline.withBean("proxier", Proxier.class, () -> new Proxier("secretive", true, new CopyOnWriteArrayList<>()))
                .withBean("secretive", Secretive.class).run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("on bean 'secretive' (class " + Secretive.class.getName()
                                + ") cannot be invoked through the bean's proxy"));
    }

    @Test
    void prototypeBeanShouldGetItsEffectsWhenCreatedAndLoseThemWhenDestroyed() {
        inline.withUserConfiguration(PrototypeConfiguration.class).run(context -> {
            assertThat(Graphs.active("probe.probe")).isEmpty();
            Probe first = context.getBean(Probe.class);
            Probe second = context.getBean(Probe.class);
            assertThat(first.runs.get()).isEqualTo(1);
            assertThat(second.runs.get()).isEqualTo(1);
            assertThat(Graphs.active("probe.probe")).hasSize(2);
            context.getAutowireCapableBeanFactory().destroyBean(first);
            context.getBean(Sensors.class).level.set(7);
            assertThat(first.runs.get()).isEqualTo(1);
            assertThat(second.runs.get()).isEqualTo(2);
            assertThat(Graphs.active("probe.probe")).hasSize(1);
        });
        assertThat(Graphs.active("probe.probe")).isEmpty();
    }

    @Test
    void lazyBeanShouldGetItsEffectsWhenInitialised() {
        inline.withUserConfiguration(LazyConfiguration.class).run(context -> {
            assertThat(Graphs.active("lazyCounter.count")).isEmpty();
            Counter counter = context.getBean("lazyCounter", Counter.class);
            assertThat(counter.seen).containsExactly(0);
            assertThat(Graphs.active("lazyCounter.count")).hasSize(1);
        });
    }

    // ---------------------------------------------------------------- fixtures

    static class Sensors {
        final Signal<Integer> level = Reaktiv.signal(0);
    }

    static class Counter {
        final List<Integer> seen = new CopyOnWriteArrayList<>();
        private final Sensors sensors;

        Counter(Sensors sensors) {
            this.sensors = sensors;
        }

        @ReactiveEffect
        void count() {
            seen.add(sensors.level.get());
        }
    }

    static class Named {
        private final Sensors sensors;

        Named(Sensors sensors) {
            this.sensors = sensors;
        }

        @ReactiveEffect(name = "cache-warmer")
        CompletionStage<Void> warm(OnCleanup onCleanup) {
            sensors.level.get();
            return CompletableFuture.completedFuture(null);
        }
    }

    static class Early {
        private final List<String> log;
        @Autowired
        private ConfigurableListableBeanFactory beanFactory;

        Early(List<String> log) {
            this.log = log;
        }

        @ReactiveEffect
        void react() {
            log.add("early effect ran with " + (beanFactory.containsSingleton("late") ? "late present" : "late missing"));
        }
    }

    static class Late {
        Late(List<String> log) {
            log.add("late created");
        }
    }

    static class SingletonsListener implements SmartInitializingSingleton {
        private final List<String> log;

        SingletonsListener(List<String> log) {
            this.log = log;
        }

        @Override
        public void afterSingletonsInstantiated() {
            log.add("all singletons instantiated");
        }
    }

    static class Secretive {
        final AtomicInteger runs = new AtomicInteger();

        @ReactiveEffect
        private void whisper() {
            runs.incrementAndGet();
        }
    }

    static class Cleaner {
        private final List<String> log;
        @Autowired
        Sensors injected;

        Cleaner(List<String> log) {
            this.log = log;
        }

        @ReactiveEffect
        void clean(OnCleanup onCleanup) {
            int level = injected.level.get();
            log.add("run " + level);
            onCleanup.accept(() -> log.add("cleanup " + level));
        }
    }

    static class Loader {
        private final List<CompletableFuture<Void>> stages;
        @Autowired
        Sensors sensors;

        Loader(List<CompletableFuture<Void>> stages) {
            this.stages = stages;
        }

        @ReactiveEffect
        CompletableFuture<Void> load() {
            sensors.level.get();
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        }
    }

    static class Failing {
        private final Sensors sensors;

        Failing(Sensors sensors) {
            this.sensors = sensors;
        }

        @ReactiveEffect
        void fail() {
            throw new IllegalStateException("level " + sensors.level.get());
        }
    }

    static class FailingAsync {
        @ReactiveEffect
        CompletionStage<String> load() {
            return CompletableFuture.failedFuture(new java.io.UncheckedIOException("unreachable",
                    new java.io.IOException("no route")));
        }
    }

    static class NullStage {
        @ReactiveEffect
        CompletionStage<Void> load() {
            return null;
        }
    }

    static class TakesString {
        @ReactiveEffect
        void react(String value) {
        }
    }

    static class TakesTwo {
        @ReactiveEffect
        void react(OnCleanup onCleanup, int times) {
        }
    }

    static class ReturnsInt {
        @ReactiveEffect
        int react() {
            return 1;
        }
    }

    static class IsStatic {
        @ReactiveEffect
        static void react() {
        }
    }

    /** Wraps one bean in a proxy that records the methods called through it; runs before the starter's. */
    static class Proxier implements BeanPostProcessor, PriorityOrdered {
        private final String beanName;
        private final boolean targetClass;
        private final List<String> intercepted;

        Proxier(String beanName, boolean targetClass, List<String> intercepted) {
            this.beanName = beanName;
            this.targetClass = targetClass;
            this.intercepted = intercepted;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!name.equals(beanName)) {
                return bean;
            }
            ProxyFactory factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(targetClass);
            if (!targetClass) {
                factory.setInterfaces(bean.getClass().getInterfaces());
            }
            factory.addAdvice((MethodInterceptor) invocation -> {
                intercepted.add(invocation.getMethod().getName());
                return invocation.proceed();
            });
            return factory.getProxy();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static class Audited {
        private final List<Integer> seen = new CopyOnWriteArrayList<>();
        @Autowired
        Sensors sensors;

        @ReactiveEffect
        void audit() {
            seen.add(sensors.level.get());
        }

        List<Integer> seen() {
            return seen;
        }
    }

    interface Reporter {
        void report();
    }

    static class DefaultReporter implements Reporter {
        @Override
        @ReactiveEffect
        public void report() {
        }
    }

    static class HiddenReporter implements Reporter {
        @Override
        public void report() {
        }

        @ReactiveEffect
        public void hidden() {
        }
    }

    static class Probe {
        final AtomicInteger runs = new AtomicInteger();
        private final Sensors sensors;

        Probe(Sensors sensors) {
            this.sensors = sensors;
        }

        @ReactiveEffect
        void probe() {
            sensors.level.get();
            runs.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrototypeConfiguration {
        @Bean
        @Scope("prototype")
        Probe probe(Sensors sensors) {
            return new Probe(sensors);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyConfiguration {
        @Bean
        @Lazy
        Counter lazyCounter(Sensors sensors) {
            return new Counter(sensors);
        }
    }
}
