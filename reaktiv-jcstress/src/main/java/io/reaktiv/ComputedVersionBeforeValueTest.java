package io.reaktiv;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Claim 1 on a computed. An effect reads {@code trigger} and {@code doubled} (a computed of {@code value}, watched
 * by the effect). One thread writes {@code value} and then reads {@code doubled}, so it recomputes the computed
 * (value, then version, then the STALE flag cleared, under the lock) unless its own effect run did already; the
 * other thread writes {@code trigger}, which runs the effect on that thread. A run that checked {@code doubled}
 * fresh before the write reads its version and value lock-free ({@code DerivedNode.get}) while the recompute may
 * be publishing them, and records the version in its link. If it ever paired the new version with the old value,
 * the re-check at the end of the run would find the computed unchanged and the effect would keep the old value.
 *
 * <p>r1, r2: what the first run after construction saw (trigger, doubled); r3, r4: what the last run saw; r5: what
 * the writer read back from {@code doubled} after its write.
 */
@JCStressTest
@Description("Claim 1, version before value (computed): a recompute releases the computed's version after its "
        + "value, so an effect's lock-free tracked read of a fresh computed never records the new version with "
        + "the old value.")
@Outcome(id = "1, 0, 1, 2, 2", expect = ACCEPTABLE_INTERESTING,
        desc = "The trigger's run read the old computed value (the write came during or after it); a second run, "
                + "caused by the write, saw both new values.")
@Outcome(id = "0, 2, 1, 2, 2", expect = ACCEPTABLE,
        desc = "The write's run came first; the trigger caused a second run that saw both new values.")
@Outcome(id = "1, 2, 1, 2, 2", expect = ACCEPTABLE,
        desc = "Both writes were complete when the effect ran; one run saw both.")
@Outcome(id = "-?\\d+, -?\\d+, 1, 0, -?\\d+", expect = FORBIDDEN,
        desc = "The last run saw the computed's old value after the write completed: a tracked read recorded its "
                + "new version with the old value (version published before value), so the effect never re-ran.")
@Outcome(id = "-?\\d+, -?\\d+, -?\\d+, -?\\d+, 0", expect = FORBIDDEN,
        desc = "The writer read the old computed value after its own write.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: a run missed a completed write, or saw neither.")
@State
public class ComputedVersionBeforeValueTest {

    final Signal<Integer> value = Reaktiv.signal(0);
    final Signal<Integer> trigger = Reaktiv.signal(0);
    final Computed<Integer> doubled = Reaktiv.computed(() -> value.get() * 2);

    // Written by the effect's runs, which never overlap (claimed and finished under the effect's domain lock).
    int runs;
    int firstTrigger = -1;
    int firstDoubled = -1;
    int lastTrigger = -1;
    int lastDoubled = -1;
    int writerRead = -1;

    final Effect effect = Reaktiv.effect(
            EffectOptions.defaults().withScheduler(EffectScheduler.synchronous()), () -> {
                int t = trigger.get();
                int d = doubled.get();
                if (runs++ == 1) { // run 0 is the one at construction
                    firstTrigger = t;
                    firstDoubled = d;
                }
                lastTrigger = t;
                lastDoubled = d;
            });

    @Actor
    public void writer() {
        value.set(1);
        writerRead = doubled.peek(); // recomputes here if the effect is running on the other thread
    }

    @Actor
    public void triggerer() {
        trigger.set(1); // runs the effect on this thread (unless the writer's thread is running it)
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        r.r1 = firstTrigger;
        r.r2 = firstDoubled;
        r.r3 = lastTrigger;
        r.r4 = lastDoubled;
        r.r5 = writerRead;
        effect.dispose();
    }
}
