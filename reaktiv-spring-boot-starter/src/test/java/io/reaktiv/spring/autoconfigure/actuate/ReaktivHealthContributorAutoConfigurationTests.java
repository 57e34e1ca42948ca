package io.reaktiv.spring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.spring.ReaktivLifecycle;
import io.reaktiv.spring.actuate.ReaktivHealthIndicator;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReaktivHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class,
                    ReaktivHealthContributorAutoConfiguration.class));

    @Test
    void runShouldProvideAnIndicatorThatIsUpWithSchedulerDetails() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ReaktivHealthIndicator.class).hasBean("reaktivHealthIndicator");
            Health health = context.getBean(ReaktivHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKeys("nodes", "failingEffects", "failingEffectCount");
            assertThat(health.getDetails().get("scheduler")).isEqualTo(Map.of("mode", "executor", "pending", 0,
                    "active", 0, "shutdown", false));
        });
    }

    @Test
    void runInInlineModeShouldSaySo() {
        runner.withPropertyValues("reaktiv.scheduler.mode=inline").run(context -> assertThat(context
                .getBean(ReaktivHealthIndicator.class).health().getDetails().get("scheduler"))
                .isEqualTo(Map.of("mode", "inline")));
    }

    @Test
    void indicatorShouldBeDownWhenTheSchedulerIsShutDownWhileTheContextRuns() {
        runner.run(context -> {
            assertThat(context.getBean(ReaktivLifecycle.class).isRunning()).isTrue();
            context.getBean(ExecutorEffectScheduler.class).shutdown(Duration.ofSeconds(1));
            Health health = context.getBean(ReaktivHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("scheduler")).isEqualTo(Map.of("mode", "executor", "pending", 0,
                    "active", 0, "shutdown", true));
        });
    }

    @Test
    void runWhenTheIndicatorIsDisabledShouldNotProvideIt() {
        runner.withPropertyValues("management.health.reaktiv.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(ReaktivHealthIndicator.class));
    }

    @Test
    void runWhenReaktivIsDisabledShouldNotProvideIt() {
        runner.withPropertyValues("reaktiv.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(ReaktivHealthIndicator.class));
    }

    @Test
    void runWithoutHealthSupportShouldBackOff() {
        runner.withClassLoader(new FilteredClassLoader(Health.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ReaktivHealthIndicator.class));
    }

    @Test
    void userIndicatorShouldReplaceIt() {
        ReaktivHealthIndicator own = new ReaktivHealthIndicator(null, () -> true);
        runner.withBean("reaktivHealthIndicator", ReaktivHealthIndicator.class, () -> own).run(context ->
                assertThat(context.getBean("reaktivHealthIndicator")).isSameAs(own));
    }
}
