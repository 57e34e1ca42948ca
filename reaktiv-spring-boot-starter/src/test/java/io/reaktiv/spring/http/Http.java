package io.reaktiv.spring.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for the tests: GET a path, read the status, content type and body. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    record Response(int status, String contentType, String body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }
    }

    Response get(String path) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The node with this name in a graph response (the newest if several). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> node(Map<String, Object> graph, String name) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) graph.get("nodes");
        Map<String, Object> found = null;
        for (Map<String, Object> node : nodes) {
            if (name.equals(node.get("name"))) {
                found = node;
            }
        }
        if (found == null) {
            throw new AssertionError("No node named " + name + " in " + graph);
        }
        return found;
    }

    static long id(Map<String, Object> node) {
        return ((Number) node.get("id")).longValue();
    }
}
