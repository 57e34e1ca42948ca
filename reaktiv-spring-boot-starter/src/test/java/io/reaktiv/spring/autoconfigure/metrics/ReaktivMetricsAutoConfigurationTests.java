package io.reaktiv.spring.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.reaktiv.Computed;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import io.reaktiv.spring.ReactiveEffectObserver;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import io.reaktiv.spring.metrics.DefaultReactiveEffectObservationConvention;
import io.reaktiv.spring.metrics.ObservationEffectObserver;
import io.reaktiv.spring.metrics.ReactiveEffectObservationContext;
import io.reaktiv.spring.metrics.ReactiveEffectObservationConvention;
import io.reaktiv.spring.metrics.ReaktivMeterBinder;
import io.reaktiv.spring.metrics.TimerEffectObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReaktivMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    ReaktivAutoConfiguration.class, ReaktivMetricsAutoConfiguration.class))
            .withPropertyValues("reaktiv.scheduler.mode=inline");

    @Test
    void runWithAMeterRegistryShouldPublishCountersByNameAndGauges() {
        runner.withBean("meterDemo", MeterDemo.class).run(context -> {
            assertThat(context).hasSingleBean(ReaktivMeterBinder.class);
            MeterDemo demo = context.getBean(MeterDemo.class);
            demo.level.set(1);
            demo.level.set(2);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            await().untilAsserted(() -> {
                pollAll(registry);
                assertThat(count(registry, "reaktiv.signal.writes", "meterDemo.level")).isEqualTo(2);
                assertThat(count(registry, "reaktiv.computed.recomputes", "meterDemo.doubled")).isEqualTo(3);
                assertThat(count(registry, "reaktiv.effect.runs", "meterDemo.watch")).isEqualTo(3);
                assertThat(count(registry, "reaktiv.effect.errors", "meterDemo.watch")).isEqualTo(0);
            });
            assertThat(registry.get("reaktiv.graph.nodes").tag("kind", "effect").gauge().value()).isPositive();
            assertThat(Search.in(registry).name("reaktiv.scheduler.pending").meters()).isEmpty(); // inline
        });
    }

    @Test
    void runInExecutorModeShouldPublishSchedulerGauges() {
        runner.withPropertyValues("reaktiv.scheduler.mode=executor").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("reaktiv.scheduler.pending").gauge().value()).isZero();
            assertThat(registry.get("reaktiv.scheduler.active").gauge().value()).isZero();
        });
    }

    @Test
    void runWithoutAnObservationRegistryShouldTimeEffectsWithATimer() {
        runner.withBean("meterDemo", MeterDemo.class).run(context -> {
            assertThat(context.getBean(ReactiveEffectObserver.class)).isInstanceOf(TimerEffectObserver.class);
            context.getBean(MeterDemo.class).level.set(1);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("reaktiv.effect").tag("name", "meterDemo.watch").tag("error", "none").timer()
                    .count()).isEqualTo(2);
        });
    }

    @Test
    void runWithAnObservationRegistryShouldObserveEachRunUntilItsStageCompletes() {
        List<String> events = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new Recorder(events));
        runner.withBean(ObservationRegistry.class, () -> observations).withBean("meterDemo", MeterDemo.class)
                .withBean("asyncDemo", AsyncDemo.class).run(context -> {
                    assertThat(context.getBean(ReactiveEffectObserver.class))
                            .isInstanceOf(ObservationEffectObserver.class);
                    assertThat(events).containsExactlyInAnyOrder(
                            "start reaktiv.effect name=asyncDemo.load",
                            "scope asyncDemo.load", // current while the method ran
                            "start reaktiv.effect name=meterDemo.watch",
                            "scope meterDemo.watch",
                            "stop effect meterDemo.watch error=none");
                    events.clear();
                    context.getBean(AsyncDemo.class).stage.completeExceptionally(new IllegalStateException("late"));
                    assertThat(events).containsExactly("stop effect asyncDemo.load error=late");
                });
    }

    @Test
    void aConventionBeanShouldNameTheObservation() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        runner.withBean(TestObservationRegistry.class, () -> observations).withBean("meterDemo", MeterDemo.class)
                .withBean(ReactiveEffectObservationConvention.class, CustomConvention::new).run(context ->
                        TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo(
                                "custom.effect").that().hasContextualNameEqualTo("custom meterDemo.watch")
                                .hasBeenStopped());
    }

    @Test
    void runWithoutMicrometerShouldBackOff() {
        // Without Boot's metrics auto-configuration, which needs Micrometer itself.
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class,
                        ReaktivMetricsAutoConfiguration.class))
                .withPropertyValues("reaktiv.scheduler.mode=inline")
                .withBean(SimpleMeterRegistry.class)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class)).withBean("meterDemo", MeterDemo.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ReaktivMeterBinder.class)
                            .doesNotHaveBean(ReactiveEffectObserver.class);
                    assertThat(context.getBean(MeterDemo.class).runs).isEqualTo(1); // effects still work
                });
    }

    @Test
    void runWithoutAMeterRegistryBeanShouldBackOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class,
                        ReaktivMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ReaktivMeterBinder.class)
                        .doesNotHaveBean(ReactiveEffectObserver.class));
    }

    @Test
    void runWithMetricsDisabledShouldPublishNothing() {
        runner.withPropertyValues("reaktiv.metrics.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ReaktivMeterBinder.class).doesNotHaveBean(ReactiveEffectObserver.class);
            assertThat(Search.in(context.getBean(MeterRegistry.class)).name(n -> n.startsWith("reaktiv")).meters())
                    .isEmpty();
        });
    }

    @Test
    void runWithReaktivDisabledShouldPublishNothing() {
        runner.withPropertyValues("reaktiv.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(ReaktivMeterBinder.class)
                        .doesNotHaveBean(ReactiveEffectObserver.class));
    }

    @Test
    void metricsEnableFilterShouldSwitchTheMetersOff() {
        runner.withPropertyValues("management.metrics.enable.reaktiv=false").run(context ->
                assertThat(Search.in(context.getBean(MeterRegistry.class)).name(n -> n.startsWith("reaktiv"))
                        .meters()).isEmpty());
    }

    @Test
    void userBeansShouldReplaceBinderAndObserver() {
        ReaktivMeterBinder binder = new ReaktivMeterBinder(null);
        ReactiveEffectObserver observer = ReactiveEffectObserver.NONE;
        runner.withBean(ReaktivMeterBinder.class, () -> binder).withBean(ReactiveEffectObserver.class, () -> observer)
                .run(context -> {
                    assertThat(context.getBean(ReaktivMeterBinder.class)).isSameAs(binder);
                    assertThat(context.getBean(ReactiveEffectObserver.class)).isSameAs(observer);
                });
    }

    private static double count(MeterRegistry registry, String meter, String name) {
        return registry.get(meter).tag("name", name).functionCounter().count();
    }

    /** Reads every meter, as a scrape does: counters for names seen since registration appear. */
    private static void pollAll(MeterRegistry registry) {
        for (Meter meter : registry.getMeters()) {
            meter.measure().forEach(m -> m.getValue());
        }
    }

    /** Records what the observation API tells its handlers. */
    static class Recorder implements ObservationHandler<Observation.Context> {
        private final List<String> events;

        Recorder(List<String> events) {
            this.events = events;
        }

        @Override
        public void onStart(Observation.Context context) {
            events.add("start " + context.getName() + " "
                    + context.getLowCardinalityKeyValues().stream().map(kv -> kv.getKey() + "=" + kv.getValue())
                            .collect(Collectors.joining(",")));
        }

        @Override
        public void onScopeOpened(Observation.Context context) {
            events.add("scope " + ((ReactiveEffectObservationContext) context).getEffectName());
        }

        @Override
        public void onStop(Observation.Context context) {
            Throwable error = context.getError();
            events.add("stop " + context.getContextualName() + " error="
                    + (error != null ? error.getMessage() : "none"));
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    static class MeterDemo {
        final Signal<Integer> level = Reaktiv.signal(0);
        final Computed<Integer> doubled = Reaktiv.computed(() -> level.get() * 2);
        int runs;

        @ReactiveEffect
        void watch() {
            doubled.get();
            runs++;
        }
    }

    static class AsyncDemo {
        final CompletableFuture<Void> stage = new CompletableFuture<>();

        @ReactiveEffect
        CompletableFuture<Void> load() {
            return stage;
        }
    }

    static class CustomConvention extends DefaultReactiveEffectObservationConvention {
        @Override
        public String getName() {
            return "custom.effect";
        }

        @Override
        public String getContextualName(ReactiveEffectObservationContext context) {
            return "custom " + context.getEffectName();
        }
    }
}
