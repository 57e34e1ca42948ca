package io.reaktiv.sample.flags;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code monitor_features}: logs every user who gains a beta feature (a flag whose name starts with
 * {@code beta}), and keeps the last {@value #KEPT} such grants in a signal for {@code GET /flags/beta-grants}.
 */
@Component
public class BetaMonitor {

    /** How many grants are kept. */
    static final int KEPT = 100;

    private static final Logger log = LoggerFactory.getLogger(BetaMonitor.class);

    private final FeatureFlags flags;
    private final Clock clock;
    private final Signal<List<BetaGrant>> grants = signal(List.of());
    /** What each user had at the last run; touched only by the effect, which never runs concurrently. */
    private Map<String, Set<String>> seen = Map.of();

    /**
     * Creates the monitor.
     *
     * @param flags the flags it watches
     * @param clock stamps the grants
     */
    public BetaMonitor(FeatureFlags flags, Clock clock) {
        this.flags = flags;
        this.clock = clock;
    }

    /** Runs after startup and whenever any user's features change; logs the beta features each user gained. */
    @ReactiveEffect
    void logBetaGrants() {
        Map<String, List<String>> features = flags.userFeatures().get();
        Map<String, Set<String>> now = new HashMap<>();
        List<BetaGrant> gained = new ArrayList<>();
        features.forEach((user, names) -> {
            Set<String> beta = new HashSet<>();
            for (String name : names) {
                if (name.startsWith("beta")) {
                    beta.add(name);
                    if (!seen.getOrDefault(user, Set.of()).contains(name)) {
                        log.info("User {} has access to beta feature {}", user, name);
                        gained.add(new BetaGrant(user, name, clock.instant()));
                    }
                }
            }
            now.put(user, beta);
        });
        seen = now;
        if (!gained.isEmpty()) {
            grants.update(current -> {
                List<BetaGrant> next = new ArrayList<>(current);
                next.addAll(gained);
                return List.copyOf(next.subList(Math.max(0, next.size() - KEPT), next.size()));
            });
        }
    }

    /**
     * Returns the last grants, oldest first.
     *
     * @return the grants
     */
    public List<BetaGrant> grants() {
        return grants.get();
    }
}
