/**
 * Use case 1, the seed's "Example Application": server health monitoring. Metrics, thresholds and maintenance
 * flags are signals; which servers are online, each server's health status and the servers per status are
 * computeds; an effect raises and clears alerts. A server goes offline when not seen for
 * {@code sample.servers.offline-after} (default 60 s), measured against the {@link io.reaktiv.sample.TimeSource}
 * signal, never the wall clock.
 */
@NullMarked
package io.reaktiv.sample.servers;

import org.jspecify.annotations.NullMarked;
