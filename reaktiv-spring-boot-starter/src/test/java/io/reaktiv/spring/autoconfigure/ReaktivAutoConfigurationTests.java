package io.reaktiv.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.Effect;
import io.reaktiv.EffectErrorHandler;
import io.reaktiv.EffectScheduler;
import io.reaktiv.EffectScope;
import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.Graphs;
import io.reaktiv.spring.LoggingEffectErrorHandler;
import io.reaktiv.spring.ReactiveEffect;
import io.reaktiv.spring.ReactiveEffectMethodProcessor;
import io.reaktiv.spring.ReactiveNodeNamingPostProcessor;
import io.reaktiv.spring.ReaktivEffectExecutor;
import io.reaktiv.spring.ReaktivEffectRegistry;
import io.reaktiv.spring.ReaktivLifecycle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@ExtendWith(OutputCaptureExtension.class)
class ReaktivAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class));

    @Test
    void runShouldProvideEveryCoreBean() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ExecutorEffectScheduler.class)
                    .hasSingleBean(ReaktivEffectExecutor.class)
                    .hasSingleBean(ReaktivEffectRegistry.class)
                    .hasSingleBean(ReaktivLifecycle.class)
                    .hasSingleBean(ReactiveEffectMethodProcessor.class)
                    .hasSingleBean(ReactiveNodeNamingPostProcessor.class)
                    .hasSingleBean(ReaktivProperties.class)
                    .hasBean("reaktivScope");
            assertThat(context.getBean("reaktivScope")).isInstanceOf(EffectScope.class);
            assertThat(context.getBean(EffectErrorHandler.class)).isInstanceOf(LoggingEffectErrorHandler.class);
            assertThat(context.getBean(ReaktivEffectExecutor.class).poolSize())
                    .isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(context.getBean(ReaktivLifecycle.class).isRunning()).isTrue();
        });
    }

    @Test
    void runShouldNotRegisterAnExecutorBean() {
        runner.run(context -> assertThat(context.getBeansOfType(Executor.class)).isEmpty());
    }

    @Test
    void runShouldRunEffectsOnTheContextsNamedThreads() {
        runner.withUserConfiguration(WatcherConfiguration.class).run(context -> {
            Watcher watcher = context.getBean(Watcher.class);
            await().until(() -> watcher.threads.size() == 1);
            assertThat(watcher.threads).containsExactly("reaktiv-1");
        });
    }

    @Test
    void runWithAUserExecutorBeanShouldKeepReaktivsThreads() {
        runner.withUserConfiguration(WatcherConfiguration.class, UserExecutorConfiguration.class).run(context -> {
            assertThat(context.getBeansOfType(Executor.class)).containsOnlyKeys("applicationTaskExecutor");
            Watcher watcher = context.getBean(Watcher.class);
            await().until(() -> watcher.threads.size() == 1);
            assertThat(watcher.threads).containsExactly("reaktiv-1");
        });
    }

    @Test
    void runWhenDisabledShouldBackOffEntirely() {
        runner.withPropertyValues("reaktiv.enabled=false").withUserConfiguration(WatcherConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ExecutorEffectScheduler.class)
                            .doesNotHaveBean(ReaktivEffectExecutor.class)
                            .doesNotHaveBean(ReaktivEffectRegistry.class)
                            .doesNotHaveBean(ReaktivLifecycle.class)
                            .doesNotHaveBean(ReactiveEffectMethodProcessor.class)
                            .doesNotHaveBean(ReactiveNodeNamingPostProcessor.class)
                            .doesNotHaveBean(EffectErrorHandler.class)
                            .doesNotHaveBean(ReaktivProperties.class)
                            .doesNotHaveBean("reaktivScope");
                    Watcher watcher = context.getBean(Watcher.class);
                    watcher.sensors.level.set(1);
                    assertThat(watcher.threads).isEmpty();
                    assertThat(watcher.sensors.level.name()).isNull();
                });
    }

    @Test
    void runWhenModeIsInlineShouldRunEffectsOnTheWritingThreadWithoutExecutor() {
        runner.withPropertyValues("reaktiv.scheduler.mode=inline").withUserConfiguration(WatcherConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ExecutorEffectScheduler.class)
                            .doesNotHaveBean(ReaktivEffectExecutor.class);
                    Watcher watcher = context.getBean(Watcher.class);
                    String startThread = watcher.threads.get(0);
                    Thread writer = new Thread(() -> watcher.sensors.level.set(1), "writer");
                    writer.start();
                    writer.join();
                    assertThat(watcher.threads).containsExactly(startThread, "writer");
                });
    }

    @Test
    void runWhenModeIsInlineShouldNotUseAChangedProcessWideDefault() {
        ExecutorService foreign = Executors.newSingleThreadExecutor(r -> new Thread(r, "foreign"));
        EffectScheduler previous = Reaktiv.defaultScheduler();
        Reaktiv.setDefaultScheduler(EffectScheduler.executor(foreign));
        try {
            runner.withPropertyValues("reaktiv.scheduler.mode=inline").withUserConfiguration(WatcherConfiguration.class)
                    .run(context -> assertThat(context.getBean(Watcher.class).threads)
                            .containsExactly(Thread.currentThread().getName()));
        } finally {
            Reaktiv.setDefaultScheduler(previous);
            foreign.shutdownNow();
        }
    }

    @Test
    void runWhenModeIsUnknownShouldFailNamingTheProperty() {
        runner.withPropertyValues("reaktiv.scheduler.mode=sometimes").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("Failed to bind properties under 'reaktiv.scheduler.mode'")
                .rootCause().hasMessageEndingWith("Mode.sometimes"));
    }

    @Test
    void runWithPoolSizeShouldSizeThePool() {
        runner.withPropertyValues("reaktiv.scheduler.pool-size=3").run(context ->
                assertThat(context.getBean(ReaktivEffectExecutor.class).poolSize()).isEqualTo(3));
    }

    @Test
    void runWithPoolSizeZeroShouldFail() {
        runner.withPropertyValues("reaktiv.scheduler.pool-size=0").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage("reaktiv.scheduler.pool-size must be at least 1; got 0"));
    }

    @Test
    void runWithThreadNamePrefixShouldNameThreads() {
        runner.withPropertyValues("reaktiv.scheduler.thread-name-prefix=fx-")
                .withUserConfiguration(WatcherConfiguration.class).run(context -> {
                    Watcher watcher = context.getBean(Watcher.class);
                    await().until(() -> watcher.threads.size() == 1);
                    assertThat(watcher.threads).containsExactly("fx-1");
                });
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void runWithVirtualThreadsBeforeJava21ShouldFailSayingSo() {
        runner.withPropertyValues("reaktiv.scheduler.virtual-threads=true").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageStartingWith(
                        "reaktiv.scheduler.virtual-threads=true needs Java 21 or later; this application runs on "
                                + "Java 17"));
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void runWithSpringVirtualThreadsBeforeJava21ShouldUsePlatformThreads() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true").run(context ->
                assertThat(context.getBean(ReaktivEffectExecutor.class).isVirtualThreads()).isFalse());
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void runWithVirtualThreadsShouldRunEffectsOnNamedVirtualThreads() {
        runner.withPropertyValues("reaktiv.scheduler.virtual-threads=true")
                .withUserConfiguration(WatcherConfiguration.class).run(context -> {
                    assertThat(context.getBean(ReaktivEffectExecutor.class).isVirtualThreads()).isTrue();
                    Watcher watcher = context.getBean(Watcher.class);
                    await().until(() -> watcher.threads.size() == 1);
                    assertThat(watcher.threads).containsExactly("reaktiv-1");
                    assertThat(watcher.virtual).containsExactly(true);
                });
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void runWithSpringVirtualThreadsShouldFollowThem() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true").run(context ->
                assertThat(context.getBean(ReaktivEffectExecutor.class).isVirtualThreads()).isTrue());
        runner.withPropertyValues("spring.threads.virtual.enabled=true", "reaktiv.scheduler.virtual-threads=false")
                .run(context -> assertThat(context.getBean(ReaktivEffectExecutor.class).isVirtualThreads()).isFalse());
    }

    @Test
    void closeShouldWaitTheAwaitTerminationPeriodThenWarnNamingRunningEffects(CapturedOutput output) {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Blocker.entered = entered;
        Blocker.release = never;
        long[] closeNanos = new long[1];
        runner.withPropertyValues("reaktiv.shutdown.await-termination-period=300ms")
                .withBean("blocker", Blocker.class).run(context -> {
                    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
                    long start = System.nanoTime();
                    context.close();
                    closeNanos[0] = System.nanoTime() - start;
                });
        assertThat(Duration.ofNanos(closeNanos[0])).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(output).contains("Effects still running after reaktiv.shutdown.await-termination-period (PT0.3S): "
                + "blocker.block; stopping their threads");
    }

    @Test
    void runWithNegativeAwaitTerminationPeriodShouldFail() {
        runner.withPropertyValues("reaktiv.shutdown.await-termination-period=-1s").run(context -> assertThat(context)
                .getFailure().rootCause()
                .hasMessage("reaktiv.shutdown.await-termination-period must not be negative; got PT-1S"));
    }

    @Test
    void userSchedulerShouldReplaceTheManagedOneAndItsThreads() {
        ExecutorService own = Executors.newSingleThreadExecutor(r -> new Thread(r, "own"));
        try {
            runner.withBean(ExecutorEffectScheduler.class, () -> EffectScheduler.executor(own))
                    .withUserConfiguration(WatcherConfiguration.class).run(context -> {
                        assertThat(context).hasSingleBean(ExecutorEffectScheduler.class)
                                .doesNotHaveBean(ReaktivEffectExecutor.class);
                        Watcher watcher = context.getBean(Watcher.class);
                        await().until(() -> watcher.threads.size() == 1);
                        assertThat(watcher.threads).containsExactly("own");
                    });
        } finally {
            own.shutdownNow();
        }
    }

    @Test
    void userEffectExecutorShouldBeUsedByTheManagedScheduler() {
        runner.withBean(ReaktivEffectExecutor.class, () -> ReaktivEffectExecutor.platformThreads(1, "custom-"))
                .withUserConfiguration(WatcherConfiguration.class).run(context -> {
                    assertThat(context).hasSingleBean(ReaktivEffectExecutor.class);
                    Watcher watcher = context.getBean(Watcher.class);
                    await().until(() -> watcher.threads.size() == 1);
                    assertThat(watcher.threads).containsExactly("custom-1");
                });
    }

    @Test
    void userErrorHandlerShouldReceiveFailures() {
        List<String> failures = new CopyOnWriteArrayList<>();
        runner.withBean(EffectErrorHandler.class, () -> (effect, error) -> failures.add(effect.name() + ": "
                + error.getMessage())).withBean("failing", Failing.class).run(context ->
                await().until(() -> failures.equals(List.of("failing.fail: boom"))));
    }

    @Test
    void userScopeShouldOwnTheEffects() {
        EffectScope own = Reaktiv.scope();
        runner.withBean("reaktivScope", EffectScope.class, () -> own)
                .withUserConfiguration(WatcherConfiguration.class).run(context -> {
                    assertThat(context.getBean("reaktivScope")).isSameAs(own);
                    assertThat(own.size()).isEqualTo(1);
                });
        assertThat(own.isDisposed()).isTrue();
    }

    @Test
    void userBeansShouldReplaceRegistryLifecycleAndPostProcessors() {
        ReaktivEffectRegistry registry = new ReaktivEffectRegistry(Reaktiv.scope(), EffectScheduler.synchronous(),
                new LoggingEffectErrorHandler(), () -> io.reaktiv.spring.ReactiveEffectObserver.NONE);
        ReaktivLifecycle lifecycle = new ReaktivLifecycle(registry, null, null, Duration.ZERO);
        ReactiveEffectMethodProcessor processor = new ReactiveEffectMethodProcessor(() -> registry);
        ReactiveNodeNamingPostProcessor naming = new ReactiveNodeNamingPostProcessor();
        runner.withBean(ReaktivEffectRegistry.class, () -> registry)
                .withBean(ReaktivLifecycle.class, () -> lifecycle)
                .withBean(ReactiveEffectMethodProcessor.class, () -> processor)
                .withBean(ReactiveNodeNamingPostProcessor.class, () -> naming)
                .run(context -> {
                    assertThat(context.getBean(ReaktivEffectRegistry.class)).isSameAs(registry);
                    assertThat(context.getBean(ReaktivLifecycle.class)).isSameAs(lifecycle);
                    assertThat(context.getBean(ReactiveEffectMethodProcessor.class)).isSameAs(processor);
                    assertThat(context.getBean(ReactiveNodeNamingPostProcessor.class)).isSameAs(naming);
                });
    }

    @Test
    void effectsCreatedInTheContextsScopeShouldBeDisposedWithTheContext() {
        Effect[] created = new Effect[1];
        Signal<Integer> input = Reaktiv.signal(0);
        runner.run(context -> {
            EffectScope scope = context.getBean("reaktivScope", EffectScope.class);
            scope.run(() -> created[0] = Reaktiv.effect(input::get));
            assertThat(created[0].isDisposed()).isFalse();
        });
        assertThat(created[0].isDisposed()).isTrue();
    }

    @Test
    void runAndCloseShouldLeaveTheProcessWideDefaultsAlone() {
        EffectScheduler scheduler = Reaktiv.defaultScheduler();
        EffectErrorHandler handler = Reaktiv.errorHandler();
        runner.withUserConfiguration(WatcherConfiguration.class).run(context -> {
            assertThat(Reaktiv.defaultScheduler()).isSameAs(scheduler);
            assertThat(Reaktiv.errorHandler()).isSameAs(handler);
        });
        assertThat(Reaktiv.defaultScheduler()).isSameAs(scheduler);
        assertThat(Reaktiv.errorHandler()).isSameAs(handler);
    }

    @Test
    void closeShouldDisposeEffectsAndShutDownTheSchedulerAndItsThreads() {
        ExecutorEffectScheduler[] scheduler = new ExecutorEffectScheduler[1];
        ReaktivEffectExecutor[] executor = new ReaktivEffectExecutor[1];
        runner.withUserConfiguration(WatcherConfiguration.class).run(context -> {
            scheduler[0] = context.getBean(ExecutorEffectScheduler.class);
            executor[0] = context.getBean(ReaktivEffectExecutor.class);
            await().until(() -> context.getBean(Watcher.class).threads.size() == 1);
            assertThat(Graphs.node("watcher.watch").disposed()).isFalse();
        });
        assertThat(scheduler[0].isShutdown()).isTrue();
        assertThat(executor[0].isShutdown()).isTrue();
        assertThat(Graphs.node("watcher.watch").disposed()).isTrue();
    }

    // ---------------------------------------------------------------- fixtures

    static class Sensors {
        final Signal<Integer> level = Reaktiv.signal(0);
    }

    static class Watcher {
        final Sensors sensors;
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<Boolean> virtual = new CopyOnWriteArrayList<>();

        Watcher(Sensors sensors) {
            this.sensors = sensors;
        }

        @ReactiveEffect
        void watch() {
            sensors.level.get();
            threads.add(Thread.currentThread().getName());
            virtual.add(isVirtual(Thread.currentThread()));
        }

        private static boolean isVirtual(Thread thread) {
            try {
                return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
            } catch (ReflectiveOperationException e) {
                return false; // Java 17
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WatcherConfiguration {

        @Bean
        Sensors sensors() {
            return new Sensors();
        }

        @Bean
        Watcher watcher(Sensors sensors) {
            return new Watcher(sensors);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(WatcherConfiguration.class)
    static class UserExecutorConfiguration {

        @Bean(destroyMethod = "shutdown")
        ExecutorService applicationTaskExecutor() {
            return Executors.newSingleThreadExecutor(r -> new Thread(r, "application"));
        }
    }

    static class Blocker {
        static volatile CountDownLatch entered;
        static volatile CountDownLatch release;

        @ReactiveEffect
        void block() throws InterruptedException {
            entered.countDown();
            release.await();
        }
    }

    static class Failing {
        @ReactiveEffect
        void fail() {
            throw new IllegalStateException("boom");
        }
    }

}
