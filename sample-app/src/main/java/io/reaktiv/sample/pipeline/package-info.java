/**
 * Use case 7: a multi-stage event pipeline. Raw events are a signal, each posted array ingested in one
 * {@code batch}; computeds normalise them, filter the errors and count errors per service; an effect raises an
 * alert for a service past the threshold.
 */
@NullMarked
package io.reaktiv.sample.pipeline;

import org.jspecify.annotations.NullMarked;
