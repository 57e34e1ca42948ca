package io.reaktiv;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every live node, held weakly, for {@link Reaktiv#graph()}: looking at the graph never keeps a node alive.
 * An intrusive doubly-linked list of weak references; references the GC cleared are unlinked on the next
 * registration or enumeration. Node creation is not a hot path; reads and writes never come here.
 */
final class NodeRegistry {

    private static final ReferenceQueue<Node> CLEARED = new ReferenceQueue<>();
    private static final Object MONITOR = new Object();
    /** Guarded by {@link #MONITOR}. */
    private static @Nullable Entry head;

    private NodeRegistry() {
    }

    static void register(Node node) {
        Entry entry = new Entry(node);
        synchronized (MONITOR) {
            expunge();
            entry.next = head;
            if (head != null) {
                head.prev = entry;
            }
            head = entry;
        }
    }

    /** The live nodes, oldest first. */
    static List<Node> live() {
        List<Node> nodes = new ArrayList<>();
        synchronized (MONITOR) {
            expunge();
            for (Entry e = head; e != null; e = e.next) {
                Node n = e.get();
                if (n != null) {
                    nodes.add(n);
                }
            }
        }
        java.util.Collections.reverse(nodes);
        return nodes;
    }

    private static void expunge() {
        Entry e;
        while ((e = (Entry) CLEARED.poll()) != null) {
            if (e.prev != null) {
                e.prev.next = e.next;
            } else if (head == e) {
                head = e.next;
            }
            if (e.next != null) {
                e.next.prev = e.prev;
            }
            e.prev = null;
            e.next = null;
        }
    }

    private static final class Entry extends WeakReference<Node> {
        @Nullable Entry prev;
        @Nullable Entry next;

        Entry(Node node) {
            super(node, CLEARED);
        }
    }
}
