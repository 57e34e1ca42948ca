/** Auto-configuration of reaktiv's Micrometer meters and effect observations. */
@NullMarked
package io.reaktiv.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
