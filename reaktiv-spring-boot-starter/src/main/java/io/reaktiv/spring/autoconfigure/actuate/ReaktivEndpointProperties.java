package io.reaktiv.spring.autoconfigure.actuate;

import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code reaktiv} endpoint, under {@code management.endpoint.reaktiv.*}.
 */
@ConfigurationProperties("management.endpoint.reaktiv")
public class ReaktivEndpointProperties {

    /**
     * When to show the values of signals and computeds (and the messages of errors) in the reaktiv endpoint.
     */
    private Show showValues = Show.NEVER;

    /**
     * Roles used to determine whether a user is authorized to be shown values. When empty, all authenticated
     * users are authorized.
     */
    private final Set<String> roles = new HashSet<>();

    /**
     * Creates the properties with their defaults.
     */
    public ReaktivEndpointProperties() {
    }

    /**
     * Returns when values are shown.
     *
     * @return the setting
     */
    public Show getShowValues() {
        return showValues;
    }

    /**
     * Sets when values are shown.
     *
     * @param showValues the setting
     */
    public void setShowValues(Show showValues) {
        this.showValues = showValues;
    }

    /**
     * Returns the roles that may see values.
     *
     * @return the roles (mutable, for binding)
     */
    public Set<String> getRoles() {
        return roles;
    }
}
