package io.reaktiv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What every node of the graph has: an identity, a name, a version, and the two edge lists.
 *
 * <p>Implementation notes. {@link #version} is bumped (under its domain's lock) every time the node's value changes;
 * it is written after the value and read before it by lock-free readers, so a reader that records a version
 * never pairs it with an older value. {@link #depsTail} is the tracking cursor while the node's function
 * runs: links up to it were confirmed in this run, links after it are left over from the previous run and
 * are removed when the run ends.
 */
abstract class Node {

    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(Node.class, "version", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long id = IDS.incrementAndGet();
    /** The name and counters, kept by the registry beyond this node's life. */
    final NodeRegistry.Entry entry;

    /**
     * Bumped every time the value changes. Written under the domain's lock, after the value, with release semantics
     * ({@link #bumpVersionRelease}); read with acquire semantics (a volatile read) by lock-free readers.
     */
    volatile int version;

    /**
     * The graph component whose lock guards this node ({@link Domain}): {@code null} until first locked or
     * linked, then a domain on the chain to the root. Set once by compare-and-set, then only shortened.
     */
    volatile @Nullable Domain domain;

    /** What this node read (computeds and effects), in read order. */
    @Nullable Link depsHead;
    /** The tracking cursor while this node runs; otherwise the last dependency. */
    @Nullable Link depsTail;
    /** The watched nodes that read this one (signals and computeds). */
    @Nullable Link subsHead;
    @Nullable Link subsTail;

    /**
     * The run being executed or last executed (computeds and effects): bumped when a run starts. Links whose
     * dependency changed since the previous run carry it in {@link Link#causeStamp}. Written by the thread
     * running the node.
     */
    int runStamp;

    Node(@Nullable String name) {
        this.entry = NodeRegistry.register(this, kind(), name);
    }

    /**
     * Returns the node's name.
     *
     * @return the name, or {@code null} if it has none
     */
    public final @Nullable String name() {
        return entry.name;
    }

    /** Sets the name (public {@code named} methods). */
    final void setName(String name) {
        entry.name = checkName(java.util.Objects.requireNonNull(name, "name"));
    }

    /** Domain lock held. A release store suffices: readers only need to see the value written before it. */
    final void bumpVersionRelease() {
        VERSION.setRelease(this, version + 1);
    }

    abstract NodeKind kind();

    /** Whether links from this node's dependencies are on their subscriber lists. */
    abstract boolean isWatched();

    /** The name for messages: the given one, or the kind and id. */
    final String label() {
        String n = entry.name;
        return n != null ? "'" + n + "'" : kind().label() + "#" + id;
    }

    static String checkName(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("A node name must not be blank; got '" + name + "'");
        }
        return name;
    }
}
