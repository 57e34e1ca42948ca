package io.reaktiv.spring.actuate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MimeType;

/** The formats of {@code GET /actuator/reaktiv?format=...}. */
public enum GraphFormat {

    /** The graph as JSON (the default). */
    JSON("json", MimeType.valueOf("application/json")),

    /** A Mermaid flowchart, to paste into any Markdown viewer that renders Mermaid. */
    MERMAID("mermaid", MimeType.valueOf("text/plain;charset=UTF-8")),

    /** Graphviz DOT. */
    DOT("dot", MimeType.valueOf("text/vnd.graphviz;charset=UTF-8"));

    private final String id;
    private final MimeType mimeType;

    GraphFormat(String id, MimeType mimeType) {
        this.id = id;
        this.mimeType = mimeType;
    }

    /**
     * Returns the value of the {@code format} parameter that selects this format.
     *
     * @return the id, such as {@code mermaid}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the content type of a response in this format.
     *
     * @return the MIME type
     */
    public MimeType mimeType() {
        return mimeType;
    }

    /**
     * Finds the format a {@code format} parameter asks for, ignoring case; no parameter means JSON.
     *
     * @param format the parameter, or {@code null}
     * @return the format, or empty if none has that id
     */
    public static Optional<GraphFormat> of(@Nullable String format) {
        if (format == null || format.isBlank()) {
            return Optional.of(JSON);
        }
        String id = format.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /**
     * Returns the ids of every format, for error messages.
     *
     * @return the ids in declaration order
     */
    public static List<String> ids() {
        return Arrays.stream(values()).map(GraphFormat::id).toList();
    }
}
