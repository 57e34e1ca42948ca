package io.reaktiv;

import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.linkedSignal;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkedSignalTest {

    @Test
    void followsItsSourceUntilSetAndResetsWhenTheSourceChanges() {
        Signal<List<String>> options = signal(List.of("a", "b", "c"));
        LinkedSignal<String> selected = linkedSignal(() -> options.get().get(0));
        assertThat(selected.get()).isEqualTo("a");
        selected.set("b");
        assertThat(selected.get()).isEqualTo("b");
        options.set(List.of("x", "y"));
        assertThat(selected.get()).isEqualTo("x");
    }

    @Test
    void setBeforeTheFirstReadWorksAndStillTracksTheSource() {
        Signal<Integer> source = signal(1);
        LinkedSignal<Integer> linked = linkedSignal(() -> source.get() * 10);
        linked.set(99);
        assertThat(linked.get()).isEqualTo(99);
        source.set(2);
        assertThat(linked.get()).isEqualTo(20);
    }

    @Test
    void theComputationReceivesThePreviousSourceAndValueTheManualOneIncluded() {
        Signal<List<String>> options = signal(List.of("a", "b", "c"));
        List<String> previousSeen = new ArrayList<>();
        LinkedSignal<String> selected = linkedSignal(options::get, (opts, prev) -> {
            previousSeen.add(prev == null ? "none" : prev.source() + "/" + prev.value());
            return prev != null && opts.contains(prev.value()) ? prev.value() : opts.get(0);
        });
        assertThat(selected.get()).isEqualTo("a");
        selected.set("c");
        options.set(List.of("b", "c", "d"));
        assertThat(selected.get()).isEqualTo("c"); // kept: still an option
        options.set(List.of("x"));
        assertThat(selected.get()).isEqualTo("x");
        assertThat(previousSeen).containsExactly("none", "[a, b, c]/c", "[b, c, d]/c");
    }

    @Test
    void effectsSeeManualSetsAndResets() {
        Signal<Integer> source = signal(1);
        LinkedSignal<Integer> linked = linkedSignal(() -> source.get());
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(linked.get()));
        linked.set(5);
        linked.set(5);
        linked.update(x -> x + 1);
        source.set(7);
        assertThat(seen).containsExactly(1, 5, 6, 7);
    }

    @Test
    void isNamedAndReportedAsALinkedSignal() {
        LinkedSignal<Integer> linked = linkedSignal(() -> 1).named("selection");
        linked.get();
        linked.set(2);
        NodeSnapshot node = Reaktiv.graph().find("selection").orElseThrow();
        assertThat(node.kind()).isEqualTo(NodeKind.LINKED_SIGNAL);
        assertThat(node.writes()).isEqualTo(1);
        assertThat(node.recomputes()).isEqualTo(1);
    }
}
