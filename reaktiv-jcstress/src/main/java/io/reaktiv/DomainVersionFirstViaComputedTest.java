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
 * Claim 3, the path being a watched computed. {@code tripled} is watched by an effect (fresh by its flags; the
 * writer's effect recomputes it after the write), {@code doubled} is watched by nobody (fresh while its domain's
 * version has not moved since its validation). Both derive from {@code value}. The reader validates
 * {@code doubled}, reads {@code tripled}, then {@code doubled} again: a new {@code tripled} proves the write
 * happened, so the unwatched computed must not come back with its old result.
 *
 * <p>r1: {@code doubled}; r2: {@code tripled}; r3: {@code doubled} again, as the reader saw them in that order.
 */
@JCStressTest
@Description("Claim 3, domain version first (through a watched computed): a reader that got the new value "
        + "through a watched computed never gets the old result from an unwatched computed of the same signal.")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "The reader ran before the write.")
@Outcome(id = "0, 0, 2", expect = ACCEPTABLE, desc = "The write landed before the last read.")
@Outcome(id = "0, 3, 2", expect = ACCEPTABLE_INTERESTING,
        desc = "The write landed between the validation and the watched read: the unwatched computed was "
                + "re-validated.")
@Outcome(id = "2, 3, 2", expect = ACCEPTABLE, desc = "The reader ran after the write.")
@Outcome(id = "0, 3, 0", expect = FORBIDDEN,
        desc = "The reader got the new result from the watched computed, then the unwatched computed's old "
                + "result as up to date: the domain version was not published first.")
@Outcome(id = {"2, 0, 0", "2, 0, 2", "2, 3, 0"}, expect = FORBIDDEN,
        desc = "Reads went backwards: the unwatched computed's new result was followed by an old result.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is impossible.")
@State
public class DomainVersionFirstViaComputedTest {

    final Signal<Integer> value = Reaktiv.signal(0);
    final Computed<Integer> doubled = Reaktiv.computed(() -> value.get() * 2); // never watched
    final Computed<Integer> tripled = Reaktiv.computed(() -> value.get() * 3);
    int seen;
    final Effect watcher = Reaktiv.effect(
            EffectOptions.defaults().withScheduler(EffectScheduler.synchronous()), () -> seen = tripled.get());

    @Actor
    public void writer() {
        value.set(1);
    }

    @Actor
    public void reader(III_Result r) {
        r.r1 = doubled.get();
        r.r2 = tripled.get();
        r.r3 = doubled.get();
    }
}
