package io.reaktiv.sample.servers;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /servers} shows.
 *
 * @param servers every server, sorted by id
 * @param byStatus the server ids per status; every status is present
 */
public record ServersView(List<ServerView> servers, Map<String, List<String>> byStatus) {
}
