package io.reaktiv;

/** The kinds of node in the reactive graph, as reported by {@link GraphSnapshot}. */
public enum NodeKind {
    /** A writable {@link Signal}. */
    SIGNAL("Signal"),
    /** A {@link Computed} value. */
    COMPUTED("Computed"),
    /** A {@link LinkedSignal}: computed, and writable. */
    LINKED_SIGNAL("LinkedSignal"),
    /** An {@link Effect}. */
    EFFECT("Effect");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    /**
     * Returns the type name used in messages, such as {@code "Computed"}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
