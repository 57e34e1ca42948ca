/** Auto-configuration of reaktiv's actuator endpoint and health indicator. */
@NullMarked
package io.reaktiv.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
