package io.reaktiv.sample;

/** The shape every id in a path must have, so ids stay printable and usable as node names. */
public final class Ids {

    /** Letters, digits, {@code . _ -}; 1 to 64 characters. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";

    /** The message of a rejected id. */
    public static final String MESSAGE = "must be 1-64 characters of letters, digits, '.', '_' or '-'";

    private Ids() {
    }
}
