/**
 * Use case 3: a permission cache that never needs invalidating. Users, each user's permission level and the
 * content are signals; each user's accessible content is its own computed, so changing one user's level
 * recomputes that user's cache only (visible as recompute counts at {@code /actuator/reaktiv}).
 */
@NullMarked
package io.reaktiv.sample.permissions;

import org.jspecify.annotations.NullMarked;
