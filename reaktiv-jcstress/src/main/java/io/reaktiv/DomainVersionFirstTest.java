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
 * Claim 3, the path being the signal itself. {@code doubled} is a computed of {@code value} that nothing watches:
 * it is up to date while no write to its graph component happened since it was validated ({@code validatedAt}
 * equal to its {@code Domain.version}), so a read of it is lock-free then. The reader first reads it, which
 * validates it at the current domain version, then reads {@code value}, then the computed again. If it saw the
 * new value, the domain version bumped before that value was published must be visible too, so the computed is
 * re-validated and comes back new.
 *
 * <p>r1: {@code doubled}; r2: {@code value}; r3: {@code doubled} again, as the reader saw them in that order.
 */
@JCStressTest
@Description("Claim 3, domain version first (signal path): a write bumps its domain's version before it "
        + "publishes the value, so a reader that saw the new value never gets the old result from an unwatched "
        + "computed validated before the write.")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "The reader ran before the write.")
@Outcome(id = "0, 0, 2", expect = ACCEPTABLE, desc = "The write landed before the last read.")
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE_INTERESTING,
        desc = "The write landed between the validation and the value read: the computed was re-validated.")
@Outcome(id = "2, 1, 2", expect = ACCEPTABLE, desc = "The reader ran after the write.")
@Outcome(id = "0, 1, 0", expect = FORBIDDEN,
        desc = "The reader saw the new value and then the computed's old result as up to date: the domain "
                + "version was published after the value.")
@Outcome(id = {"2, 0, 0", "2, 0, 2", "2, 1, 0"}, expect = FORBIDDEN,
        desc = "Reads went backwards: the computed's new result was followed by an old value or result.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is impossible.")
@State
public class DomainVersionFirstTest {

    final Signal<Integer> value = Reaktiv.signal(0);
    final Computed<Integer> doubled = Reaktiv.computed(() -> value.get() * 2); // never watched

    @Actor
    public void writer() {
        value.set(1);
    }

    @Actor
    public void reader(III_Result r) {
        r.r1 = doubled.get();
        r.r2 = value.get();
        r.r3 = doubled.get();
    }
}
