package io.reaktiv.sample.gateway;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Installs the gateway filter on {@code /api/*} unless {@code sample.gateway.enabled=false}. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "sample.gateway.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<GatewayFilter> gatewayFilter(Gateway gateway, Clock clock, JsonMapper json) {
        FilterRegistrationBean<GatewayFilter> registration =
                new FilterRegistrationBean<>(new GatewayFilter(gateway, clock, json));
        registration.addUrlPatterns("/api/*");
        registration.setName("gatewayFilter");
        return registration;
    }
}
