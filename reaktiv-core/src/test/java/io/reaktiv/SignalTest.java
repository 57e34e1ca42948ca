package io.reaktiv;

import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void getReturnsInitialValueAndSetReplacesIt() {
        Signal<String> name = signal("Alice");
        assertThat(name.get()).isEqualTo("Alice");
        name.set("Bob");
        assertThat(name.get()).isEqualTo("Bob");
        assertThat(name.peek()).isEqualTo("Bob");
    }

    @Test
    void defaultEqualityIsEqualsNotIdentitySoBoxedNumbersDoNotCountAsChanged() {
        Integer first = Integer.valueOf(1000);
        Integer equalButDistinct = Integer.valueOf(new String("1000")); // outside the Integer cache
        assertThat(equalButDistinct).isNotSameAs(first);
        Signal<Integer> s = signal(first);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));

        s.set(equalButDistinct);

        assertThat(seen).containsExactly(1000);
        assertThat(s.get()).isSameAs(first); // the old value is kept
    }

    @Test
    void customEqualityDecidesWhatCountsAsAChange() {
        Signal<List<String>> items = signal(List.of("a"), (a, b) -> a.size() == b.size());
        List<List<String>> seen = new ArrayList<>();
        effect(() -> seen.add(items.get()));

        items.set(List.of("b"));          // same size: no-op
        items.set(List.of("b", "c"));     // changed

        assertThat(seen).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(items.get()).containsExactly("b", "c");
    }

    @Test
    void updateAppliesTheFunctionToTheCurrentValue() {
        Signal<Integer> counter = signal(0);
        counter.update(x -> x + 1);
        counter.update(x -> x + 1);
        assertThat(counter.get()).isEqualTo(2);
    }

    @Test
    void updateReturningAnEqualValueIsANoOp() {
        Signal<Integer> s = signal(5);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        s.update(x -> x * 1);
        assertThat(seen).containsExactly(5);
    }

    @Test
    void nullValuesAreAllowed() {
        Signal<String> s = signal(null);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        s.set(null);
        s.set("x");
        s.set(null);
        assertThat(seen).containsExactly(null, "x", null);
    }

    @Test
    void readonlyViewReadsTheSignalAndCannotBeCastBack() {
        Signal<Integer> s = signal(1).named("count");
        ReadableSignal<Integer> view = s.asReadonly();
        s.set(2);
        assertThat(view.get()).isEqualTo(2);
        assertThat(view.peek()).isEqualTo(2);
        assertThat(view.name()).isEqualTo("count");
        assertThat(view).isNotInstanceOf(Signal.class);
    }

    @Test
    void namedSetsTheNameAndRejectsBlankNames() {
        Signal<Integer> s = signal(1);
        assertThat(s.name()).isNull();
        assertThat(s.named("limit")).isSameAs(s);
        assertThat(s.name()).isEqualTo("limit");
        assertThat(s.toString()).isEqualTo("Signal[limit, value=1]");
        assertThatIllegalArgumentException().isThrownBy(() -> s.named(" "))
                .withMessageContaining("must not be blank");
    }

    @Test
    void aSignalIsASupplier() {
        java.util.function.Supplier<String> supplier = signal("v");
        assertThat(supplier.get()).isEqualTo("v");
    }
}
