package io.reaktiv.sample.servers;

import io.reaktiv.sample.Percent;

/**
 * Alert thresholds in percent: a server with a metric above its threshold is in alert. Also the request body of
 * {@code PUT /thresholds}.
 *
 * @param cpu CPU threshold, 0 to 100
 * @param memory memory threshold, 0 to 100
 * @param disk disk threshold, 0 to 100
 */
public record Thresholds(@Percent Double cpu, @Percent Double memory, @Percent Double disk) {

    /** The seed's thresholds: CPU 80, memory 90, disk 95. */
    public static final Thresholds DEFAULTS = new Thresholds(80.0, 90.0, 95.0);
}
