package io.reaktiv.sample.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    private static GatewayProperties defaults() {
        return new GatewayProperties(true, 100, 10, 1000, 10_000, 0.5, 5, Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }

    @Test
    void theLimitTightensInProportionAboveHighTrafficButNeverBelowTheMinimum() {
        GatewayProperties p = defaults();
        assertThat(p.limitFor(0)).isEqualTo(100);
        assertThat(p.limitFor(1000)).isEqualTo(100);
        assertThat(p.limitFor(1001)).isEqualTo(99);
        assertThat(p.limitFor(2000)).isEqualTo(50);
        assertThat(p.limitFor(10_000)).isEqualTo(10);
        assertThat(p.limitFor(10_001)).isEqualTo(10);
        assertThat(p.limitFor(Integer.MAX_VALUE)).isEqualTo(10);
    }

    @Test
    void settingsThatMakeNoSenseFailAtStartupNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties(true, 5, 10, 1000, 10_000, 0.5,
                5, Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .withMessageContaining("sample.gateway.rate-limit-per-minute (5)");
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties(true, 100, 10, 1000, 10_000,
                1.5, 5, Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .withMessageContaining("sample.gateway.failure-rate-threshold");
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties(true, 100, 10, 1000, 10_000,
                0.5, 5, Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .withMessageContaining("sample.gateway.cool-down");
    }
}
