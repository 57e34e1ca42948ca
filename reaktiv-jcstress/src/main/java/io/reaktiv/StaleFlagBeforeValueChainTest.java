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
 * Claim 2 through a chain: {@code value -> plusOne -> doubled}, watched by an effect. A write marks the whole
 * chain STALE before it publishes the value, and the writer's effect then recomputes it bottom-up. The reader
 * reads {@code value}, the top computed, then the middle one: once it has seen the new value, neither computed may
 * come back with its old result, and the top one may not be newer than what it is computed from.
 *
 * <p>r1: {@code value}; r2: {@code doubled}; r3: {@code plusOne}, as the reader saw them in that order.
 */
@JCStressTest
@Description("Claim 2, flags before value, through a chain of watched computeds: every computed downstream of "
        + "a write is marked STALE before the value is published; a reader that saw the new value gets new "
        + "results from all of them.")
@Outcome(id = "0, 2, 1", expect = ACCEPTABLE, desc = "The reader ran before the write.")
@Outcome(id = "0, 2, 2", expect = ACCEPTABLE_INTERESTING, desc = "The write landed before the last read.")
@Outcome(id = "0, 4, 2", expect = ACCEPTABLE_INTERESTING, desc = "The write landed after the first read.")
@Outcome(id = "1, 4, 2", expect = ACCEPTABLE, desc = "The reader ran after the write.")
@Outcome(id = "1, 2, [12]", expect = FORBIDDEN,
        desc = "The reader saw the new value, then the top computed's old result as fresh.")
@Outcome(id = "[01], 4, 1", expect = FORBIDDEN,
        desc = "The reader saw the top computed's new result, then the middle one's old result as fresh.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is impossible.")
@State
public class StaleFlagBeforeValueChainTest {

    final Signal<Integer> value = Reaktiv.signal(0);
    final Computed<Integer> plusOne = Reaktiv.computed(() -> value.get() + 1);
    final Computed<Integer> doubled = Reaktiv.computed(() -> plusOne.get() * 2);
    int seen;
    final Effect watcher = Reaktiv.effect(
            EffectOptions.defaults().withScheduler(EffectScheduler.synchronous()), () -> seen = doubled.get());

    @Actor
    public void writer() {
        value.set(1);
    }

    @Actor
    public void reader(III_Result r) {
        r.r1 = value.get();
        r.r2 = doubled.get();
        r.r3 = plusOne.get();
    }
}
