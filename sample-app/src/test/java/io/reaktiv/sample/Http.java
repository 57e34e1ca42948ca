package io.reaktiv.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests to the running app, JSON bodies as trees. */
public final class Http {

    /** Parses response bodies. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final int port;

    /**
     * Creates a client for the app on {@code localhost:port}.
     *
     * @param port the app's port
     */
    public Http(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    /**
     * Returns the app's port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * A response.
     *
     * @param status the status code
     * @param body the body as text
     * @param response the raw response, for headers
     */
    public record Response(int status, String body, HttpResponse<String> response) {

        /**
         * Parses the body.
         *
         * @return the body as a JSON tree
         */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /**
         * Returns a header.
         *
         * @param name the header name
         * @return its first value, if present
         */
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /**
         * Asserts the status and returns the body as JSON.
         *
         * @param expected the expected status
         * @return the body as a JSON tree
         */
        public JsonNode expect(int expected) {
            assertThat(status).as("status of %s %s, body %s", response.request().method(), response.uri(), body)
                    .isEqualTo(expected);
            return body.isEmpty() ? JSON.nullNode() : json();
        }

        /**
         * Asserts a 400 or 404 problem detail and returns its {@code detail}.
         *
         * @param expected the expected status
         * @return the problem's detail text
         */
        public String problem(int expected) {
            JsonNode problem = expect(expected);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(problem.path("status").asInt()).isEqualTo(expected);
            return problem.path("detail").asString();
        }
    }

    /**
     * Sends a GET.
     *
     * @param path the path, such as {@code /servers}
     * @param headers alternating header names and values
     * @return the response
     */
    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /**
     * Sends a POST with a JSON body.
     *
     * @param path the path
     * @param json the body
     * @return the response
     */
    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    /**
     * Sends a PUT with a JSON body.
     *
     * @param path the path
     * @param json the body
     * @return the response
     */
    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    /**
     * Sends a request.
     *
     * @param method the method
     * @param path the path and query
     * @param body the JSON body, or {@code null} for none
     * @param headers alternating header names and values
     * @return the response
     */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
