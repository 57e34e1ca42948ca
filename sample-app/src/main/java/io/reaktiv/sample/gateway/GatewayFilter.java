package io.reaktiv.sample.gateway;

import io.reaktiv.sample.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards {@code /api/*}: identifies the client by its {@code X-Client-Id} header ({@code anonymous} without
 * one), answers 429 with {@code Retry-After} when the client is over its limit and 503 with {@code Retry-After}
 * when the endpoint's circuit is open, and otherwise lets the call through and records its outcome (a 5xx or an
 * exception is a failure). Only calls to a mapped endpoint are recorded per endpoint, so made-up paths cannot grow
 * the state.
 */
public class GatewayFilter extends OncePerRequestFilter {

    /** The header that names the client. */
    public static final String CLIENT_HEADER = "X-Client-Id";

    private final Gateway gateway;
    private final Clock clock;
    private final JsonMapper json;

    /**
     * Creates the filter.
     *
     * @param gateway the state it reads and records into
     * @param clock stamps arrivals and outcomes
     * @param json writes problem details
     */
    public GatewayFilter(Gateway gateway, Clock clock, JsonMapper json) {
        this.gateway = gateway;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(CLIENT_HEADER);
        String client = header == null ? "anonymous" : header;
        if (!client.matches(Ids.PATTERN)) {
            problem(request, response, HttpStatus.BAD_REQUEST, null,
                    "Invalid " + CLIENT_HEADER + " header '" + client + "': it " + Ids.MESSAGE);
            return;
        }
        Gateway.Admission admission = gateway.admit(client, clock.instant());
        if (!admission.admitted()) {
            problem(request, response, HttpStatus.TOO_MANY_REQUESTS, admission.retryAfter(), admission.detail());
            return;
        }
        String endpoint = request.getRequestURI();
        Gateway.Entry entry = gateway.enter(endpoint);
        if (!entry.allowed()) {
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, entry.retryAfter(), entry.detail());
            return;
        }
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 500;
        } finally {
            if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) != null) {
                gateway.complete(endpoint, clock.instant(), failed, entry);
            } else {
                gateway.abandon(endpoint, entry);
            }
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            Duration retryAfter, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        if (retryAfter != null) {
            // Whole seconds, rounded up, at least 1 (RFC 9110 delay-seconds).
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            body.put("retryAfterSeconds", seconds);
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }
}
