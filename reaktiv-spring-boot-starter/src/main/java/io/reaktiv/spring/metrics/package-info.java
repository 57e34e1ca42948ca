/**
 * Micrometer support: reaktiv's counters, gauges and the {@code reaktiv.effect} observation (or timer).
 */
@NullMarked
package io.reaktiv.spring.metrics;

import org.jspecify.annotations.NullMarked;
