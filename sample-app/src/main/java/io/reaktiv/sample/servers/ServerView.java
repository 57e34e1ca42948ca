package io.reaktiv.sample.servers;

import java.time.Instant;

/**
 * What the API shows of one server.
 *
 * @param id the server id
 * @param cpu CPU use in percent
 * @param memory memory use in percent
 * @param disk disk use in percent
 * @param lastSeen when it last reported
 * @param online whether it reported within the offline period
 * @param status {@code healthy}, {@code alert}, {@code offline} or {@code maintenance}
 */
public record ServerView(String id, double cpu, double memory, double disk, Instant lastSeen, boolean online,
        String status) {

    static ServerView of(String id, ServerMetrics m, Boolean online, String status) {
        return new ServerView(id, m.cpu(), m.memory(), m.disk(), m.lastSeen(), Boolean.TRUE.equals(online), status);
    }
}
