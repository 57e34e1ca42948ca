package io.reaktiv.sample.flags;

import java.time.Instant;

/**
 * A user gaining a beta feature, as logged by {@link BetaMonitor}.
 *
 * @param user the user
 * @param feature the beta feature
 * @param at when the effect saw it
 */
public record BetaGrant(String user, String feature, Instant at) {
}
