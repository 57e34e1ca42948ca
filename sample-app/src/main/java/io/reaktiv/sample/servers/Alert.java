package io.reaktiv.sample.servers;

import java.time.Instant;

/**
 * An active alert: a server whose metrics exceed a threshold.
 *
 * @param serverId the server
 * @param reason which metrics exceed which thresholds, such as {@code "cpu 85 > 80"}
 * @param raisedAt when the alert was raised
 */
public record Alert(String serverId, String reason, Instant raisedAt) {
}
