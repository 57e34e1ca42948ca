/**
 * reaktiv: fine-grained reactive state for Java.
 *
 * <p>Start at {@link io.reaktiv.Reaktiv}: {@code signal} holds a value, {@code computed} derives one lazily and
 * caches it, {@code effect} runs a side effect whenever something it read changed. Everything else in this
 * package is the small set of types those factories return. The engine itself is package-private.
 */
@NullMarked
package io.reaktiv;

import org.jspecify.annotations.NullMarked;
