package io.reaktiv.sample.flags;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A feature flag: on for everybody when enabled with no segments, else for users in any of its segments.
 *
 * @param enabled whether the flag is on at all
 * @param segments the segments it targets; empty means everybody
 */
public record Flag(boolean enabled, Set<String> segments) {

    /**
     * Creates a flag; the segments are copied.
     *
     * @param enabled whether the flag is on at all
     * @param segments the segments it targets; empty means everybody
     */
    public Flag {
        segments = Collections.unmodifiableSortedSet(new TreeSet<>(segments));
    }

    boolean appliesTo(Set<String> userSegments) {
        return enabled && (segments.isEmpty() || segments.stream().anyMatch(userSegments::contains));
    }
}
