package io.reaktiv;

/** Something an {@link Owner} disposes. */
interface Disposable {

    void dispose();
}
