package io.reaktiv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every live node, held weakly, for {@link Reaktiv#graph()}: looking at the graph never keeps a node alive.
 * An intrusive doubly-linked list of weak references; references the GC cleared are unlinked on the next
 * registration or enumeration. Node creation is not a hot path; reads never come here.
 *
 * <p>Each node's name and counters live in its {@link Entry} rather than in the node, so that they outlive it:
 * when the GC clears a node, its counts are folded into {@link #retired} totals per kind and name, and
 * {@link Reaktiv#counterTotals()} never goes down (metrics counters must be monotonic). The node reaches its
 * entry through a final field, one dependent load on the paths that count.
 */
final class NodeRegistry {

    private static final ReferenceQueue<Node> CLEARED = new ReferenceQueue<>();
    private static final Object MONITOR = new Object();
    /** Guarded by {@link #MONITOR}. */
    private static @Nullable Entry head;
    /** Counts of collected nodes, by kind and name. Guarded by {@link #MONITOR}. */
    private static final Map<Key, long[]> retired = new LinkedHashMap<>();

    private NodeRegistry() {
    }

    static Entry register(Node node, NodeKind kind, @Nullable String name) {
        Entry entry = new Entry(node, kind, name);
        synchronized (MONITOR) {
            expunge();
            entry.next = head;
            if (head != null) {
                head.prev = entry;
            }
            head = entry;
        }
        return entry;
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

    /** Totals per kind and name over live and collected nodes, in first-seen order. */
    static List<CounterTotals> totals() {
        Map<Key, long[]> sums = new LinkedHashMap<>();
        synchronized (MONITOR) {
            expunge();
            retired.forEach((k, v) -> sums.put(k, v.clone()));
            for (Entry e = head; e != null; e = e.next) {
                // Entries of nodes collected but not yet enqueued still count: their counters are final.
                e.addTo(sums.computeIfAbsent(new Key(e.kind, e.name), k -> new long[4]));
            }
        }
        List<CounterTotals> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new CounterTotals(k.kind, k.name, v[0], v[1], v[2], v[3])));
        return out;
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
            e.addTo(retired.computeIfAbsent(new Key(e.kind, e.name), k -> new long[4]));
        }
    }

    private record Key(NodeKind kind, @Nullable String name) {
    }

    /**
     * A node's registration: its name and counters, which outlive it. Counters other than {@link #errors} are
     * written by one thread at a time (under the node's domain lock, or by the thread holding an effect's run
     * claim, which it took and releases under that lock), so a plain increment is exact; {@code errors} can be
     * counted by a thread that does not hold the claim (a rejected dispatch) and is incremented atomically.
     * {@link Reaktiv#graph()} reads them under that lock, exactly; {@link Reaktiv#counterTotals()} reads them
     * without it, for metrics, and may see a value a few increments old (a plain 64-bit load: not torn on the
     * 64-bit JVMs this runs on, though the JLS would allow it for a non-volatile long elsewhere).
     */
    static final class Entry extends WeakReference<Node> {

        private static final VarHandle ERRORS;

        static {
            try {
                ERRORS = MethodHandles.lookup().findVarHandle(Entry.class, "errors", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final NodeKind kind;
        volatile @Nullable String name;
        long writes;
        long recomputes;
        long runs;
        long errors;

        @Nullable Entry prev;
        @Nullable Entry next;

        Entry(Node node, NodeKind kind, @Nullable String name) {
            super(node, CLEARED);
            this.kind = Objects.requireNonNull(kind);
            this.name = name;
        }

        void countError() {
            ERRORS.getAndAdd(this, 1L);
        }

        long errors() {
            return (long) ERRORS.getOpaque(this);
        }

        private void addTo(long[] sums) {
            sums[0] += writes;
            sums[1] += recomputes;
            sums[2] += runs;
            sums[3] += errors();
        }
    }
}
