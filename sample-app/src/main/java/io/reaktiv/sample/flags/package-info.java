/**
 * Use case 2: feature flags with segments. Flags and user segments are signals; the features each user gets
 * are one computed; an effect logs (and records) users gaining a beta feature.
 */
@NullMarked
package io.reaktiv.sample.flags;

import org.jspecify.annotations.NullMarked;
