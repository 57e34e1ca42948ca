package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An unwatched computed in a busy graph component: every write to the component moves the version it is
 * validated against, and a reader that holds no lock re-validates it without the lock when its own
 * dependencies did not change (see {@link DerivedNode}'s class comment). It is not recomputed for writes
 * elsewhere in its component, and no reader, plain or inside an effect, ever gets a value older than a source
 * value it read before. Threads start together ({@link StressFixture#runConcurrently}); nothing sleeps.
 */
class LockFreeRevalidationTest {

    @RegisterExtension
    final StressFixture fixture = new StressFixture();

    /** Whether two nodes share a graph component: the premise of every test here. */
    private static boolean oneComponent(Object a, Object b) {
        return Domain.of((Node) a) == Domain.of((Node) b);
    }

    @Test
    void anUnwatchedComputedWhoseSourceIsUnchangedIsNotRecomputedWhileItsComponentIsWritten() throws Exception {
        int writes = 20_000;
        Signal<Integer> source = signal(20).named("lockFree.source");
        Signal<Long> other = signal(0L).named("lockFree.other");
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> plusOne = computed(() -> {
            runs.incrementAndGet();
            return source.get() + 1;
        });
        other.update(x -> x + source.peek()); // the updater's read joins the two components
        assertThat(plusOne.get()).isEqualTo(21);
        assertThat(oneComponent(source, other)).isTrue();
        assertThat(oneComponent(source, plusOne)).isTrue();
        AtomicLong wrongReads = new AtomicLong();

        fixture.runConcurrently(3, i -> {
            if (i == 0) {
                for (int k = 1; k < writes; k++) {
                    other.update(x -> x + source.peek());
                }
                return;
            }
            for (int k = 0; k < writes; k++) {
                int v = i == 1 ? plusOne.get() : plusOne.peek();
                if (v != 21) {
                    wrongReads.incrementAndGet();
                }
            }
        });

        assertThat(wrongReads.get()).isZero();
        assertThat(other.get()).isEqualTo(20L * writes);
        assertThat(plusOne.get()).isEqualTo(21);
        assertThat(runs.get()).isEqualTo(1);
    }

    @RepeatedTest(5)
    void aReaderNeverGetsAValueOlderThanTheSourceItReadBefore() throws Exception {
        int writes = 20_000;
        Signal<Integer> source = signal(0);
        Signal<Integer> other = signal(0);
        Computed<Integer> doubled = computed(() -> source.get() * 2); // never watched
        Computed<Integer> sum = computed(() -> source.get() + other.get());
        assertThat(sum.get()).isZero(); // its first read joins the two components
        assertThat(oneComponent(source, other)).isTrue();
        AtomicInteger writersDone = new AtomicInteger();
        List<String> violations = new CopyOnWriteArrayList<>();
        int[] lastRead = new int[4];

        fixture.runConcurrently(4, i -> {
            if (i < 2) {
                Signal<Integer> written = i == 0 ? source : other;
                for (int k = 1; k <= writes; k++) {
                    written.set(k);
                }
                writersDone.incrementAndGet();
                return;
            }
            int previous = 0;
            while (true) {
                boolean last = writersDone.get() == 2;
                int s = source.get();
                int d = i == 2 ? doubled.get() : doubled.peek();
                if (d < 2 * s) {
                    violations.add("read doubled = " + d + " after having read source = " + s);
                }
                if (d < previous) {
                    violations.add("read doubled = " + d + " after having read " + previous);
                }
                previous = d;
                if (last) {
                    lastRead[i] = d;
                    break;
                }
            }
        });

        assertThat(violations).isEmpty();
        assertThat(lastRead[2]).isEqualTo(2 * writes);
        assertThat(lastRead[3]).isEqualTo(2 * writes);
        assertThat(doubled.get()).isEqualTo(2 * writes);
        assertThat(sum.get()).isEqualTo(2 * writes);
    }

    /**
     * The reader is an effect run by both writers: it tracks both signals, so it runs after writes of either,
     * and reads the computed untracked ({@code peek}), which keeps the computed unwatched. A tracked read would
     * make it watched: a lock-free re-validation is for unwatched computeds only.
     */
    @RepeatedTest(5)
    void anEffectNeverGetsAValueOlderThanTheSourceItReadBefore() throws Exception {
        int writes = 20_000;
        Signal<Integer> source = signal(0);
        Signal<Integer> other = signal(0);
        Computed<Integer> doubled = computed(() -> source.get() * 2);
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicInteger previous = new AtomicInteger();
        AtomicInteger lastSource = new AtomicInteger(-1);
        AtomicInteger lastDoubled = new AtomicInteger(-1);
        Effect reader = effect(() -> {
            other.get();
            int s = source.get();
            int d = doubled.peek();
            if (d < 2 * s) {
                violations.add("the effect read doubled = " + d + " after having read source = " + s);
            }
            if (d < previous.get()) {
                violations.add("the effect read doubled = " + d + " after having read " + previous.get());
            }
            previous.set(d);
            lastSource.set(s);
            lastDoubled.set(d);
        });
        try {
            assertThat(oneComponent(source, other)).isTrue(); // joined by the effect's reads
            assertThat(((DerivedNode<?>) doubled).isWatched()).isFalse();

            fixture.runConcurrently(2, i -> {
                Signal<Integer> written = i == 0 ? source : other;
                for (int k = 1; k <= writes; k++) {
                    written.set(k);
                }
            });

            assertThat(violations).isEmpty();
            assertThat(fixture.effectErrors).isEmpty();
            assertThat(lastSource.get()).isEqualTo(writes);
            assertThat(lastDoubled.get()).isEqualTo(2 * writes);
            assertThat(((DerivedNode<?>) doubled).isWatched()).isFalse();
        } finally {
            reader.dispose();
        }
    }
}
