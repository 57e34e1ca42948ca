package io.reaktiv.sample.pool;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the simulated pool.
 *
 * @param minSize the pool never shrinks below this
 * @param maxSize the pool never grows beyond this
 * @param maxIdle more idle connections than this make the pool shrink
 */
@ConfigurationProperties("sample.pool")
public record PoolProperties(@DefaultValue("2") int minSize, @DefaultValue("20") int maxSize,
        @DefaultValue("3") int maxIdle) {

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException naming the setting that makes no sense
     */
    public PoolProperties {
        if (minSize < 0 || maxSize < minSize || maxIdle < 0) {
            throw new IllegalArgumentException("sample.pool needs 0 <= min-size <= max-size and max-idle >= 0, was "
                    + "min-size " + minSize + ", max-size " + maxSize + ", max-idle " + maxIdle);
        }
    }
}
