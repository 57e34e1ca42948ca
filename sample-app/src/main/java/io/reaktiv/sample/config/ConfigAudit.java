package io.reaktiv.sample.config;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code log_config_changes}, made useful: logs each setting of the effective configuration that
 * changed (as a dotted path, old and new value), and keeps the last {@value #KEPT} changes for
 * {@code GET /config/changes}.
 */
@Component
public class ConfigAudit {

    /** How many changes are kept. */
    static final int KEPT = 100;

    private static final Logger log = LoggerFactory.getLogger(ConfigAudit.class);

    private final LayeredConfig config;
    private final Clock clock;
    private final Signal<List<ConfigChange>> changes = signal(List.of());
    /** The effective configuration the last run saw; touched only by the effect. */
    private @Nullable Map<String, Object> last;

    /**
     * A change of one setting.
     *
     * @param at when the effect saw it
     * @param change the dotted path and the old and new values, such as {@code timeout: 30 -> 60}
     */
    public record ConfigChange(Instant at, String change) {
    }

    /**
     * Creates the audit.
     *
     * @param config the configuration it watches
     * @param clock stamps changes
     */
    public ConfigAudit(LayeredConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Runs after startup (remembering the configuration) and whenever the effective configuration changed. */
    @ReactiveEffect
    void logChanges() {
        Map<String, Object> effective = config.effective().get();
        Map<String, Object> previous = last;
        last = effective;
        if (previous == null) {
            log.info("Effective configuration: {}", effective);
            return;
        }
        List<String> diff = ConfigTrees.diff(previous, effective);
        if (diff.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        diff.forEach(d -> log.info("Configuration changed: {}", d));
        changes.update(current -> {
            List<ConfigChange> next = new ArrayList<>(current);
            diff.forEach(d -> next.add(new ConfigChange(at, d)));
            return List.copyOf(next.subList(Math.max(0, next.size() - KEPT), next.size()));
        });
    }

    /**
     * Returns the last changes, oldest first.
     *
     * @return the changes
     */
    public List<ConfigChange> changes() {
        return changes.get();
    }
}
