/**
 * Use case 6: connection-pool autoscaling. Demand and a simulated pool are signals; busy, idle and still-needed
 * connections are computeds; an effect grows and shrinks the pool within its bounds.
 */
@NullMarked
package io.reaktiv.sample.pool;

import org.jspecify.annotations.NullMarked;
