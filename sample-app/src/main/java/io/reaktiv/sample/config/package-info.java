/**
 * Use case 5: layered configuration. The global, service and instance layers are signals; the effective
 * configuration is their deep merge (later layers win) as a computed; an effect logs what changed.
 */
@NullMarked
package io.reaktiv.sample.config;

import org.jspecify.annotations.NullMarked;
