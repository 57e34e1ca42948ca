package io.reaktiv.sample.config;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Layered configuration over HTTP: patch a layer, read a layer, the effective configuration and the changes. */
@RestController
class ConfigController {

    private final LayeredConfig config;
    private final ConfigAudit audit;

    ConfigController(LayeredConfig config, ConfigAudit audit) {
        this.config = config;
        this.audit = audit;
    }

    @PutMapping("/config/{layer}")
    Map<String, Object> patch(@PathVariable String layer, @RequestBody Map<String, @Nullable Object> patch) {
        return config.patch(layer, patch);
    }

    @GetMapping("/config/effective")
    Map<String, Object> effective() {
        return config.effective().get();
    }

    @GetMapping("/config/changes")
    List<ConfigAudit.ConfigChange> changes() {
        return audit.changes();
    }

    @GetMapping("/config/{layer}")
    Map<String, Object> layer(@PathVariable String layer) {
        return config.layerValues(layer);
    }
}
