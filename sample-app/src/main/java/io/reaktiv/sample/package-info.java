/**
 * The sample service's entry point and what every use case shares: the time signal, error responses.
 */
@NullMarked
package io.reaktiv.sample;

import org.jspecify.annotations.NullMarked;
