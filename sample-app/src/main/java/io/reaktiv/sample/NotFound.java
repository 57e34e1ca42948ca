package io.reaktiv.sample;

import java.util.Collection;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 404 whose problem detail names what was looked up and what exists. */
public final class NotFound extends ResponseStatusException {

    /**
     * Creates the exception.
     *
     * @param what the kind of thing, such as {@code "server"}
     * @param id what was looked up
     * @param known the ids that exist, listed in the detail (at most 20)
     */
    public NotFound(String what, String id, Collection<String> known) {
        super(HttpStatus.NOT_FOUND, "No " + what + " '" + id + "'; known: " + list(known));
    }

    private static String list(Collection<String> known) {
        TreeSet<String> sorted = new TreeSet<>(known);
        if (sorted.isEmpty()) {
            return "none yet";
        }
        return sorted.size() <= 20 ? String.join(", ", sorted)
                : String.join(", ", sorted.stream().limit(20).toList()) + " and " + (sorted.size() - 20) + " more";
    }
}
