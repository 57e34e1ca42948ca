package io.reaktiv;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Claim 3, the path being a later write: the writer writes {@code value}, then {@code ready} (message passing).
 * {@code doubled} is an unwatched computed of {@code value}. The reader validates {@code doubled}, reads
 * {@code ready}, then {@code doubled} again: a set {@code ready} proves the write of {@code value} completed, so
 * the unwatched computed must not come back with its old result.
 *
 * <p>r1: {@code doubled}; r2: {@code ready}; r3: {@code doubled} again, as the reader saw them in that order.
 */
@JCStressTest
@Description("Claim 3, domain version first (through a later write): a reader that saw a write made after the "
        + "write of a signal never gets the old result from an unwatched computed of that signal.")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "The reader ran before the writes.")
@Outcome(id = {"0, 0, 2", "2, 0, 2"}, expect = ACCEPTABLE, desc = "The value was written before a read of the "
        + "computed; the flag not yet.")
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE_INTERESTING,
        desc = "Both writes landed between the validation and the flag read: the computed was re-validated.")
@Outcome(id = "2, 1, 2", expect = ACCEPTABLE, desc = "The reader ran after the writes.")
@Outcome(id = "0, 1, 0", expect = FORBIDDEN,
        desc = "The reader saw the later write, then the computed's old result as up to date: the domain "
                + "version was not published before the earlier write's value.")
@Outcome(id = {"2, 0, 0", "2, 1, 0"}, expect = FORBIDDEN,
        desc = "Reads went backwards: the computed's new result was followed by its old result.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is impossible.")
@State
public class DomainVersionFirstViaLaterWriteTest {

    final Signal<Integer> value = Reaktiv.signal(0);
    final Signal<Integer> ready = Reaktiv.signal(0);
    final Computed<Integer> doubled = Reaktiv.computed(() -> value.get() * 2); // never watched

    @Actor
    public void writer() {
        value.set(1);
        ready.set(1);
    }

    @Actor
    public void reader(III_Result r) {
        r.r1 = doubled.get();
        r.r2 = ready.get();
        r.r3 = doubled.get();
    }
}
