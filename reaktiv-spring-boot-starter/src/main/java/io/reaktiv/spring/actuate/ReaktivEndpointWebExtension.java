package io.reaktiv.spring.actuate;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The web side of {@link ReaktivEndpoint}: {@code GET /actuator/reaktiv?format=json|mermaid|dot} (an unknown
 * format is a 400 naming the accepted ones), {@code GET /actuator/reaktiv/{name}} (a 404 when no live node has
 * that name or id), and values shown according to {@code show-values} and the caller's roles, like the
 * {@code env} endpoint.
 */
@EndpointWebExtension(endpoint = ReaktivEndpoint.class)
public class ReaktivEndpointWebExtension {

    private final ReaktivEndpoint delegate;
    private final Show showValues;
    private final Set<String> roles;

    /**
     * Creates the extension.
     *
     * @param delegate the endpoint
     * @param showValues when values are shown
     * @param roles the roles that may see values with {@link Show#WHEN_AUTHORIZED}; empty for any authenticated
     *     user
     */
    public ReaktivEndpointWebExtension(ReaktivEndpoint delegate, Show showValues, Set<String> roles) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.showValues = Objects.requireNonNull(showValues, "showValues");
        this.roles = Set.copyOf(roles);
    }

    /**
     * Returns the live graph in the requested format.
     *
     * @param securityContext the caller
     * @param format {@code json} (the default), {@code mermaid} or {@code dot}
     * @return the graph, or a 400 for an unknown format
     */
    @ReadOperation
    public WebEndpointResponse<Object> graph(SecurityContext securityContext, @Nullable String format) {
        Optional<GraphFormat> requested = GraphFormat.of(format);
        if (requested.isEmpty()) {
            return new WebEndpointResponse<>(new UnknownFormatDescriptor("Unknown format '" + format
                    + "'; accepted formats: " + String.join(", ", GraphFormat.ids()), GraphFormat.ids()),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        GraphFormat graphFormat = requested.get();
        if (graphFormat == GraphFormat.JSON) {
            return new WebEndpointResponse<>(delegate.graph(showValues.isShown(securityContext, roles)),
                    WebEndpointResponse.STATUS_OK);
        }
        return new WebEndpointResponse<>(delegate.diagram(graphFormat), WebEndpointResponse.STATUS_OK,
                graphFormat.mimeType());
    }

    /**
     * Returns one node, by numeric id or by name.
     *
     * @param securityContext the caller
     * @param name a node's name or id
     * @return the node, or a 404
     */
    @ReadOperation
    public WebEndpointResponse<ReaktivNodeDescriptor> node(SecurityContext securityContext, @Selector String name) {
        ReaktivNodeDescriptor node = delegate.node(name, showValues.isShown(securityContext, roles));
        return node != null ? new WebEndpointResponse<>(node, WebEndpointResponse.STATUS_OK)
                : new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
