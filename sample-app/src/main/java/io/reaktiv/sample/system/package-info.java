/**
 * Use case 8: real-time system monitoring. CPU and memory readings are signals; their moving averages and the
 * system status ({@code normal}, {@code warning}, {@code critical}) are computeds; an effect keeps the dashboard.
 */
@NullMarked
package io.reaktiv.sample.system;

import org.jspecify.annotations.NullMarked;
