package io.reaktiv.sample.servers;

import java.time.Instant;

/**
 * The last metrics a server reported, in percent, and when.
 *
 * @param cpu CPU use, 0 to 100
 * @param memory memory use, 0 to 100
 * @param disk disk use, 0 to 100
 * @param lastSeen when the metrics arrived
 */
public record ServerMetrics(double cpu, double memory, double disk, Instant lastSeen) {
}
