package io.reaktiv;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Claim 5, re-validation without the lock. {@code doubled} is a computed of {@code source} that nothing watches,
 * in one graph component with {@code other} (the first read of {@code sum}, in the constructor, joined them) and
 * validated there. The writer writes {@code other}, then {@code source}; both writes bump the component's
 * version. After {@code other}'s write alone, {@code doubled} looks stale but its source is unchanged, and a
 * reader re-validates it without the lock (the versions its links recorded still match); that re-validation
 * races the write of {@code source}, which must make it fail or wait. The reader reads {@code source}, then
 * {@code doubled}: if it saw the new source, it must not get the old result.
 *
 * <p>Two actors, not one per write: jcstress runs a test only with a CPU per actor, and the project's CI
 * machine has two. One writer doing both writes in order still gives the reader the window that matters, the
 * component's version moved by {@code other} while {@code source}'s write is under way.
 *
 * <p>r1: {@code source}; r2: {@code doubled}, as the reader saw them in that order.
 */
@JCStressTest
@Description("Claim 5, re-validation without the lock: an unwatched computed whose component another write "
        + "moved is re-validated without the lock only if its own source is unchanged, so a reader that saw the "
        + "new source never gets the computed's old result.")
@Outcome(id = "0, 0", expect = ACCEPTABLE,
        desc = "The reader ran before the source's write (after other's, re-validated without the lock, or not).")
@Outcome(id = "0, 2", expect = ACCEPTABLE_INTERESTING,
        desc = "The source's write landed between the reader's two reads.")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The reader ran after the source's write.")
@Outcome(id = "1, 0", expect = FORBIDDEN,
        desc = "The reader saw the new source, then the computed's old result: a re-validation without the lock "
                + "passed a value from before a write it should have seen.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is impossible.")
@State
public class RevalidationWithoutLockTest {

    final Signal<Integer> source = Reaktiv.signal(0);
    final Signal<Integer> other = Reaktiv.signal(0);
    final Computed<Integer> doubled = Reaktiv.computed(() -> source.get() * 2); // never watched
    final Computed<Integer> sum = Reaktiv.computed(() -> source.get() + other.get()); // never watched

    public RevalidationWithoutLockTest() {
        sum.get(); // joins the components of source and other
        doubled.get(); // validated at the joined component's version
    }

    @Actor
    public void writer() {
        other.set(1);
        source.set(1);
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = source.get();
        r.r2 = doubled.get();
    }
}
