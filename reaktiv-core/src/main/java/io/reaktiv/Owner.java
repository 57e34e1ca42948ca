package io.reaktiv;

/** Something that owns effects (and nested scopes) and disposes them with itself. */
interface Owner {

    /** Takes ownership of {@code owned}: disposing this owner disposes it. */
    void adopt(Disposable owned);

    /** Forgets {@code owned}, which was disposed on its own. */
    void release(Disposable owned);
}
