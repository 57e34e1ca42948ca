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
 * Claim 2. {@code doubled} is a computed of {@code value}, watched by an effect, so its freshness is its flags
 * alone. The writer writes {@code value}; its effect then recomputes {@code doubled} on the writer's thread. The
 * reader reads {@code value}, then {@code doubled}, both without locking when up to date. Having seen the new
 * {@code value} proves the write happened before the computed is read, so the computed must not come back with
 * the old result: either its STALE flag is visible (published before the value) and the reader validates it, or
 * the writer's recompute already cleared the flag, and then the new result (published before the flag was
 * cleared) is visible too.
 *
 * <p>r1: {@code value} as the reader saw it; r2: {@code doubled} as the reader saw it next.
 */
@JCStressTest
@Description("Claim 2, flags before value: a write marks a watched computed STALE before publishing the "
        + "signal's value, and a recompute publishes the value before clearing STALE, so a reader that has seen "
        + "the new signal value never gets the old result from a computed that looks fresh.")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The reader ran before the write.")
@Outcome(id = "0, 2", expect = ACCEPTABLE_INTERESTING,
        desc = "The write landed between the two reads; the computed was stale or already recomputed.")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The reader ran after the write.")
@Outcome(id = "1, 0", expect = FORBIDDEN,
        desc = "The reader saw the new value and then the computed's old result as fresh: the STALE flag was "
                + "published after the value, or cleared before the recomputed value was published.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is impossible.")
@State
public class StaleFlagBeforeValueTest {

    final Signal<Integer> value = Reaktiv.signal(0);
    final Computed<Integer> doubled = Reaktiv.computed(() -> value.get() * 2);
    int seen;
    final Effect watcher = Reaktiv.effect(
            EffectOptions.defaults().withScheduler(EffectScheduler.synchronous()), () -> seen = doubled.get());

    @Actor
    public void writer() {
        value.set(1); // marks doubled STALE, publishes 1; then the effect recomputes doubled on this thread
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = value.get();
        r.r2 = doubled.get();
    }
}
