/**
 * Actuator support: the {@code reaktiv} endpoint (the live dependency graph as JSON, Mermaid or DOT) and the
 * {@code reaktiv} health indicator.
 */
@NullMarked
package io.reaktiv.spring.actuate;

import org.jspecify.annotations.NullMarked;
