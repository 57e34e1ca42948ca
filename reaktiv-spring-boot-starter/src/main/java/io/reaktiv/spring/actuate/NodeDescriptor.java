package io.reaktiv.spring.actuate;

import org.jspecify.annotations.Nullable;

/**
 * One node in {@code GET /actuator/reaktiv}. Fields that do not apply to the node's kind are {@code null} and
 * left out of the JSON.
 *
 * @param id the node's id, unique in the JVM, in creation order
 * @param name the node's name, or {@code null} if it has none
 * @param kind {@code signal}, {@code computed}, {@code linkedSignal} or {@code effect}
 * @param writes signals and linked signals: how many writes changed the value
 * @param recomputes computeds and linked signals: how many times the function ran
 * @param stale computeds and linked signals: {@code false} when the cached value is known to be current,
 *     {@code true} when a dependency changed since, the engine cannot tell without recomputing, or it was never
 *     computed
 * @param runs effects: how many times the effect ran
 * @param errors effects: how many runs (or cleanups) failed
 * @param running effects: whether a run is in progress or an async run's stage is in flight
 * @param disposed effects: {@code true} once disposed (it leaves the graph when collected); else left out
 * @param lastError effects whose last run failed: the exception's class, and its message when values are shown
 * @param value when values are shown: the value's {@code toString()}, cut to
 *     {@value GraphDescriber#MAX_VALUE_LENGTH} characters and {@code "..."}
 * @param error when values are shown, for a computed or linked signal whose last run failed (instead of a
 *     value): the exception's class and message
 */
public record NodeDescriptor(long id, @Nullable String name, String kind, @Nullable Long writes,
        @Nullable Long recomputes, @Nullable Boolean stale, @Nullable Long runs, @Nullable Long errors,
        @Nullable Boolean running, @Nullable Boolean disposed, @Nullable String lastError, @Nullable String value,
        @Nullable String error) {
}
