package io.reaktiv.spring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.spring.actuate.ReaktivEndpoint;
import io.reaktiv.spring.actuate.ReaktivEndpointWebExtension;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReaktivEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment()
                    .setConversionService(new ApplicationConversionService()))
            .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class,
                    ReaktivEndpointAutoConfiguration.class));

    @Test
    void runWhenExposedOverTheWebShouldProvideEndpointAndWebExtension() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv").run(context ->
                assertThat(context).hasSingleBean(ReaktivEndpoint.class)
                        .hasSingleBean(ReaktivEndpointWebExtension.class));
    }

    @Test
    void runWhenExposedOverJmxOnlyShouldProvideEndpointWithoutWebExtension() {
        runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=reaktiv")
                .run(context -> assertThat(context).hasSingleBean(ReaktivEndpoint.class)
                        .doesNotHaveBean(ReaktivEndpointWebExtension.class));
    }

    @Test
    void runWhenNotExposedShouldNotProvideTheEndpoint() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ReaktivEndpoint.class)
                .doesNotHaveBean(ReaktivEndpointWebExtension.class));
    }

    @Test
    void runWhenAccessIsNoneShouldNotProvideTheEndpoint() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv",
                "management.endpoint.reaktiv.access=none").run(context ->
                        assertThat(context).doesNotHaveBean(ReaktivEndpoint.class));
    }

    @Test
    void runWhenReaktivIsDisabledShouldNotProvideTheEndpoint() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv", "reaktiv.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ReaktivEndpoint.class)
                        .doesNotHaveBean(ReaktivEndpointWebExtension.class));
    }

    @Test
    void runWithoutActuatorShouldBackOff() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv")
                .withClassLoader(new FilteredClassLoader(Endpoint.class)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ReaktivEndpoint.class);
                    assertThat(context).hasBean("reaktivScope");
                });
    }

    @Test
    void runWithActuatorButWithoutItsAutoConfigurationShouldBackOff() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv")
                .withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class)).run(context ->
                        assertThat(context).hasNotFailed().doesNotHaveBean(ReaktivEndpoint.class));
    }

    @Test
    void showValuesAndRolesShouldBeBound() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv",
                "management.endpoint.reaktiv.show-values=when-authorized",
                "management.endpoint.reaktiv.roles=ADMIN,OPS").run(context -> {
                    ReaktivEndpointProperties properties = context.getBean(ReaktivEndpointProperties.class);
                    assertThat(properties.getShowValues()).isEqualTo(Show.WHEN_AUTHORIZED);
                    assertThat(properties.getRoles()).containsExactlyInAnyOrder("ADMIN", "OPS");
                    assertThat(context.getBean(ReaktivEndpoint.class).getShowValues()).isEqualTo(Show.WHEN_AUTHORIZED);
                });
    }

    @Test
    void showValuesShouldDefaultToNever() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv").run(context ->
                assertThat(context.getBean(ReaktivEndpoint.class).getShowValues()).isEqualTo(Show.NEVER));
    }

    @Test
    void userBeansShouldReplaceEndpointAndWebExtension() {
        ReaktivEndpoint endpoint = new ReaktivEndpoint(Show.ALWAYS);
        ReaktivEndpointWebExtension extension = new ReaktivEndpointWebExtension(endpoint, Show.ALWAYS,
                java.util.Set.of());
        runner.withPropertyValues("management.endpoints.web.exposure.include=reaktiv")
                .withBean(ReaktivEndpoint.class, () -> endpoint)
                .withBean(ReaktivEndpointWebExtension.class, () -> extension).run(context -> {
                    assertThat(context.getBean(ReaktivEndpoint.class)).isSameAs(endpoint);
                    assertThat(context.getBean(ReaktivEndpointWebExtension.class)).isSameAs(extension);
                });
    }
}
