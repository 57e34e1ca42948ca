package io.reaktiv;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Claim 4, joining graph components. {@code a} and {@code b} start in components of their own: each was read by
 * an unwatched computed of its own ({@code ca}, {@code cb}), validated in the constructor, so each has a domain
 * with a version. The writer writes {@code b} (bumping its domain's version) while the joiner reads, for the
 * first time, {@code sum = ca + cb}: the read joins the two domains, keeping the larger version. Whatever the
 * interleaving, a computed validated before the write must not pass for up to date after it: {@code cb} read
 * after both actors (the arbiter) is 1, and so is {@code sum}.
 *
 * <p>r1: {@code sum} as the joiner saw it; r2: {@code cb} and r3: {@code sum}, read by the arbiter.
 */
@JCStressTest
@Description("Claim 4, joining components: a first read that joins two graph components while the other thread "
        + "writes one of them never leaves an unwatched computed of either looking up to date with a value from "
        + "before the write.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "The join read before the write.")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "The join read after the write.")
@Outcome(id = {"0, 0, 0", "0, 0, 1", "0, 1, 0", "1, 0, 1", "1, 1, 0", "1, 0, 0"}, expect = FORBIDDEN,
        desc = "After both actors, an unwatched computed came back with its value from before the write: a join "
                + "let a stale validation stamp equal the joined domain's version.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is impossible.")
@State
public class DomainJoinTest {

    final Signal<Integer> a = Reaktiv.signal(0);
    final Signal<Integer> b = Reaktiv.signal(0);
    final Computed<Integer> ca = Reaktiv.computed(a::get); // never watched
    final Computed<Integer> cb = Reaktiv.computed(b::get); // never watched
    final Computed<Integer> sum = Reaktiv.computed(() -> ca.get() + cb.get()); // never watched

    public DomainJoinTest() {
        ca.get(); // each source now has a domain of its own, and its computed is validated in it
        cb.get();
    }

    @Actor
    public void writer() {
        b.set(1);
    }

    @Actor
    public void joiner(III_Result r) {
        r.r1 = sum.get();
    }

    @Arbiter
    public void after(III_Result r) {
        r.r2 = cb.get();
        r.r3 = sum.get();
    }
}
