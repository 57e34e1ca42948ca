/**
 * A single-threaded Java port of the propagation algorithm of alien-signals 3.2.1
 * (github.com/stackblitz/alien-signals, {@code src/system.ts} and {@code src/index.ts}), used only as a reference
 * point in the benchmarks: it shows what the fastest JavaScript algorithm costs on the JVM, without locks and
 * without reaktiv-core.
 *
 * <p>{@link io.reaktiv.bench.alienjava.ReactiveSystem} is {@code createReactiveSystem} (link, unlink, propagate,
 * checkDirty, shallowPropagate); {@link io.reaktiv.bench.alienjava.AlienSignals} is the {@code index.ts} layer
 * (signal, computed, effect, effectScope, trigger, batches, flush). The structure, flags, linked lists and
 * versions are the original's. Not thread-safe: every node must be used by one thread.
 */
package io.reaktiv.bench.alienjava;
