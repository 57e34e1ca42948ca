package io.reaktiv.sample.config;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.Signal;
import io.reaktiv.sample.BadRequest;
import io.reaktiv.sample.NotFound;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The seed's multi-layer configuration: global, service and instance layers as signals, starting with the seed's
 * values, and the effective configuration as their deep merge, instance over service over global.
 */
@Component
public class LayeredConfig {

    /** The layers, lowest precedence first. */
    public static final List<String> LAYERS = List.of("global", "service", "instance");

    private final Signal<Map<String, Object>> global =
            signal(ConfigTrees.patch(Map.of(), Map.of("log_level", "INFO", "timeout", 30)));
    private final Signal<Map<String, Object>> service =
            signal(ConfigTrees.patch(Map.of(), Map.of("auth", Map.of("timeout", 10))));
    private final Signal<Map<String, Object>> instance =
            signal(ConfigTrees.patch(Map.of(), Map.of("log_level", "DEBUG")));
    private final Computed<Map<String, Object>> effective =
            computed(() -> ConfigTrees.merge(ConfigTrees.merge(global.get(), service.get()), instance.get()));

    private Signal<Map<String, Object>> layer(String name) {
        return switch (name) {
            case "global" -> global;
            case "service" -> service;
            case "instance" -> instance;
            default -> throw new NotFound("config layer", name, LAYERS);
        };
    }

    /**
     * Deep-merges a patch into a layer (RFC 7386 JSON merge patch: {@code null} removes a key); all of it or,
     * when it is invalid, none of it.
     *
     * @param name {@code global}, {@code service} or {@code instance}
     * @param patch the patch
     * @return the layer after the patch
     * @throws NotFound for another layer name
     * @throws BadRequest for an empty or dotted key, or nesting deeper than 10 levels
     */
    public Map<String, Object> patch(String name, Map<String, @Nullable Object> patch) {
        Signal<Map<String, Object>> layer = layer(name);
        String problem = ConfigTrees.problem("", patch, 1);
        if (problem != null) {
            throw new BadRequest("Invalid configuration patch: " + problem);
        }
        layer.update(current -> ConfigTrees.patch(current, patch));
        return layer.get();
    }

    /**
     * Returns one layer.
     *
     * @param name {@code global}, {@code service} or {@code instance}
     * @return its values
     * @throws NotFound for another layer name
     */
    public Map<String, Object> layerValues(String name) {
        return layer(name).get();
    }

    /**
     * Returns the effective configuration.
     *
     * @return the computed deep merge of the layers
     */
    public Computed<Map<String, Object>> effective() {
        return effective;
    }
}
