/** Auto-configuration of reaktiv: the managed scheduler, {@code @ReactiveEffect} methods, graph names, properties. */
@NullMarked
package io.reaktiv.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
