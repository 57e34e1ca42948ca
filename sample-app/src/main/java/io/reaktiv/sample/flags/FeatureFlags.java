package io.reaktiv.sample.flags;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import io.reaktiv.sample.NotFound;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Feature flags and user segments as signals, the features of every user as one computed, starting from the
 * seed's data ({@code user1} in {@code premium} and {@code beta_tester}; {@code new_dashboard},
 * {@code dark_mode}, {@code beta_feature}).
 */
@Component
public class FeatureFlags {

    private final Signal<Map<String, Flag>> flags = signal(Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "new_dashboard", new Flag(true, Set.of("premium")),
            "dark_mode", new Flag(true, Set.of()),
            "beta_feature", new Flag(true, Set.of("beta_tester"))))));
    private final Signal<Map<String, Set<String>>> userSegments = signal(
            Map.of("user1", Set.of("premium", "beta_tester")));
    private final Computed<Map<String, List<String>>> userFeatures = computed(() -> {
        Map<String, Flag> all = flags.get();
        Map<String, List<String>> out = new TreeMap<>();
        userSegments.get().forEach((user, segments) -> out.put(user, all.entrySet().stream()
                .filter(e -> e.getValue().appliesTo(segments)).map(Map.Entry::getKey).sorted().toList()));
        return Collections.unmodifiableMap(out);
    });

    /**
     * Creates or replaces a flag.
     *
     * @param name the flag name
     * @param flag the flag
     */
    public void putFlag(String name, Flag flag) {
        flags.update(current -> {
            Map<String, Flag> next = new TreeMap<>(current);
            next.put(name, flag);
            return Collections.unmodifiableMap(next);
        });
    }

    /**
     * Sets a user's segments; a new id registers the user.
     *
     * @param user the user id
     * @param segments the segments, replacing the old ones
     */
    public void putSegments(String user, Set<String> segments) {
        Set<String> copy = Collections.unmodifiableSet(new TreeSet<>(segments));
        userSegments.update(current -> {
            Map<String, Set<String>> next = new TreeMap<>(current);
            next.put(user, copy);
            return Collections.unmodifiableMap(next);
        });
    }

    /**
     * Returns a user's segments and features.
     *
     * @param user the user id
     * @return the user's features, sorted
     * @throws NotFound if the user has no segments set
     */
    public UserFeatures features(String user) {
        Map<String, Set<String>> segments = userSegments.get();
        List<String> features = userFeatures.get().get(user);
        if (!segments.containsKey(user) || features == null) {
            throw new NotFound("user", user, segments.keySet());
        }
        return new UserFeatures(user, new TreeSet<>(segments.get(user)), features);
    }

    /**
     * Returns all flags by name.
     *
     * @return the flags signal, read-only
     */
    public ReadableSignal<Map<String, Flag>> flags() {
        return flags.asReadonly();
    }

    /**
     * Returns the features of every user.
     *
     * @return user id to flag names, sorted
     */
    public Computed<Map<String, List<String>>> userFeatures() {
        return userFeatures;
    }

    /**
     * A user's segments and the features they get.
     *
     * @param user the user id
     * @param segments the user's segments
     * @param features the names of the flags that apply, sorted
     */
    public record UserFeatures(String user, Set<String> segments, List<String> features) {
    }
}
