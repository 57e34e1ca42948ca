package io.reaktiv.sample.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway.
 *
 * @param enabled whether the filter is installed at all (off: {@code /api/*} is served unguarded, which the
 *     benchmark compares against)
 * @param rateLimitPerMinute requests a client may make per minute while overall traffic is normal (the seed's 100)
 * @param minRateLimitPerMinute the limit never tightens below this, so a quiet client is always served
 * @param highTrafficPerMinute overall requests per minute above which every client's limit tightens in
 *     proportion
 * @param maxClients clients tracked at once; a new client beyond this is turned away with a 429 until some
 *     client's last minute is over (bounds memory against a flood of made-up client ids)
 * @param failureRateThreshold a circuit opens when this share of the calls in the window failed
 * @param minCalls and at least this many calls were made in the window
 * @param window how far back the failure rate looks
 * @param coolDown how long a circuit stays open after the last failure before it lets one trial call through
 */
@ConfigurationProperties("sample.gateway")
public record GatewayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") int rateLimitPerMinute,
        @DefaultValue("10") int minRateLimitPerMinute,
        @DefaultValue("1000") int highTrafficPerMinute,
        @DefaultValue("10000") int maxClients,
        @DefaultValue("0.5") double failureRateThreshold,
        @DefaultValue("5") int minCalls,
        @DefaultValue("60s") Duration window,
        @DefaultValue("30s") Duration coolDown) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting that makes no sense
     */
    public GatewayProperties {
        if (minRateLimitPerMinute < 1 || rateLimitPerMinute < minRateLimitPerMinute) {
            throw new IllegalArgumentException("sample.gateway.rate-limit-per-minute (" + rateLimitPerMinute
                    + ") must be at least sample.gateway.min-rate-limit-per-minute (" + minRateLimitPerMinute
                    + "), which must be at least 1");
        }
        if (failureRateThreshold <= 0 || failureRateThreshold > 1) {
            throw new IllegalArgumentException(
                    "sample.gateway.failure-rate-threshold must be in (0, 1], was " + failureRateThreshold);
        }
        if (!coolDown.minus(window).isNegative()) {
            throw new IllegalArgumentException("sample.gateway.cool-down (" + coolDown
                    + ") must be shorter than sample.gateway.window (" + window
                    + "), or a circuit would close before it could be half-open");
        }
    }

    /**
     * The seed's rule for the per-client limit: the base limit while overall traffic is at most
     * {@code highTrafficPerMinute}, tightened in proportion above it, never below {@code minRateLimitPerMinute}.
     *
     * @param overallPerMinute requests of all clients in the last minute
     * @return requests per minute one client may make
     */
    public int limitFor(int overallPerMinute) {
        if (overallPerMinute <= highTrafficPerMinute) {
            return rateLimitPerMinute;
        }
        long tightened = (long) rateLimitPerMinute * highTrafficPerMinute / overallPerMinute;
        return (int) Math.max(minRateLimitPerMinute, tightened);
    }
}
