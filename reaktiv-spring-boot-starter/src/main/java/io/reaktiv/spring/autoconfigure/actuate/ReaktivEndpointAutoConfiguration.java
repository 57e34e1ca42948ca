package io.reaktiv.spring.autoconfigure.actuate;

import io.reaktiv.spring.actuate.ReaktivEndpoint;
import io.reaktiv.spring.actuate.ReaktivEndpointWebExtension;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code reaktiv} actuator endpoint ({@code /actuator/reaktiv}) and its web extension, when actuator is
 * present, reaktiv is enabled and the endpoint is available (accessible and exposed, e.g. with
 * {@code management.endpoints.web.exposure.include=reaktiv}).
 */
@AutoConfiguration(after = ReaktivAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = "reaktiv.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(ReaktivEndpoint.class)
@EnableConfigurationProperties(ReaktivEndpointProperties.class)
public final class ReaktivEndpointAutoConfiguration {

    ReaktivEndpointAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    ReaktivEndpoint reaktivEndpoint(ReaktivEndpointProperties properties) {
        return new ReaktivEndpoint(properties.getShowValues());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ReaktivEndpoint.class)
    @ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
    ReaktivEndpointWebExtension reaktivEndpointWebExtension(ReaktivEndpoint endpoint,
            ReaktivEndpointProperties properties) {
        return new ReaktivEndpointWebExtension(endpoint, properties.getShowValues(), properties.getRoles());
    }
}
