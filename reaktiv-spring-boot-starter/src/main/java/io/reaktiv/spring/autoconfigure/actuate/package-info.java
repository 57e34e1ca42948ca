/** Auto-configuration of reaktiv's actuator endpoint, health indicator and meters. */
@NullMarked
package io.reaktiv.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
