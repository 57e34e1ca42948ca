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
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Claim 1 on a signal. An effect reads {@code trigger} and {@code value}; one thread writes {@code value}, the
 * other writes {@code trigger}, which runs the effect on that thread while the first write may be under way. The
 * effect's tracked reads of an unchanged dependency take {@code SignalNode.get}'s lock-free path: version, then
 * value, then the version is recorded in the link. When a run ends, a notification that came in meanwhile causes
 * another run only if a recorded version differs from the signal's current one. So if a read ever paired the new
 * version with the old value, the re-check would find nothing changed and the effect would keep the old value
 * forever: its last run would have seen {@code value == 0} after both writes completed.
 *
 * <p>r1, r2: what the first run after construction saw (trigger, value); r3, r4: what the last run saw.
 */
@JCStressTest
@Description("Claim 1, version before value (signal): a signal's version is released after its value, so an "
        + "effect's lock-free tracked read never records the new version with the old value; otherwise the "
        + "effect would miss the concurrent write for good.")
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE_INTERESTING,
        desc = "The trigger's run read the old value (the write came during or after it); a second run, "
                + "caused by the write, saw both new values.")
@Outcome(id = "0, 1, 1, 1", expect = ACCEPTABLE,
        desc = "The write's run came first; the trigger caused a second run that saw both new values.")
@Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE,
        desc = "Both writes were complete when the effect ran; one run saw both.")
@Outcome(id = "-?\\d+, -?\\d+, 1, 0", expect = FORBIDDEN,
        desc = "The last run saw the old value after the write completed: a tracked read recorded the new "
                + "version with the old value (version published before value), so the effect never re-ran.")
@Outcome(id = "-?\\d+, -?\\d+, 0, -?\\d+", expect = FORBIDDEN,
        desc = "The last run saw the old trigger: the same pairing failure on the other signal.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the effect did not run after the writes, or ran "
        + "without either write being visible.")
@State
public class SignalVersionBeforeValueTest {

    final Signal<Integer> value = Reaktiv.signal(0);
    final Signal<Integer> trigger = Reaktiv.signal(0);

    // Written by the effect's runs, which never overlap (claimed and finished under the effect's domain lock).
    int runs;
    int firstTrigger = -1;
    int firstValue = -1;
    int lastTrigger = -1;
    int lastValue = -1;

    final Effect effect = Reaktiv.effect(
            EffectOptions.defaults().withScheduler(EffectScheduler.synchronous()), () -> {
                int t = trigger.get();
                int v = value.get();
                if (runs++ == 1) { // run 0 is the one at construction
                    firstTrigger = t;
                    firstValue = v;
                }
                lastTrigger = t;
                lastValue = v;
            });

    @Actor
    public void writer() {
        value.set(1);
    }

    @Actor
    public void triggerer() {
        trigger.set(1); // runs the effect on this thread (unless the writer's thread is running it)
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r1 = firstTrigger;
        r.r2 = firstValue;
        r.r3 = lastTrigger;
        r.r4 = lastValue;
        effect.dispose();
    }
}
