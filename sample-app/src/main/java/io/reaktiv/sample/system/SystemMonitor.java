package io.reaktiv.sample.system;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The seed's system monitoring: the last {@value #KEPT} CPU and memory readings are signals; the averages of
 * the last {@value #WINDOW} and the status are computeds. Unlike the seed, which shows 0 until five readings
 * arrived, the average is over the readings there are (up to five), so the first reading already counts.
 */
@Component
public class SystemMonitor {

    /** Readings averaged. */
    public static final int WINDOW = 5;

    /** Readings kept. */
    static final int KEPT = 60;

    private final Signal<List<Double>> cpuReadings = signal(List.of());
    private final Signal<List<Double>> memoryReadings = signal(List.of());
    private final Computed<Double> avgCpu = computed(() -> average(cpuReadings.get()));
    private final Computed<Double> avgMemory = computed(() -> average(memoryReadings.get()));
    private final Computed<String> systemStatus = computed(() -> {
        double cpu = avgCpu.get();
        double memory = avgMemory.get();
        return cpu > 90 || memory > 90 ? "critical" : cpu > 70 || memory > 70 ? "warning" : "normal";
    });

    private static double average(List<Double> readings) {
        List<Double> last = readings.subList(Math.max(0, readings.size() - WINDOW), readings.size());
        return last.isEmpty() ? 0 : last.stream().mapToDouble(Double::doubleValue).sum() / last.size();
    }

    /**
     * Records one reading of each, in one batch.
     *
     * @param cpu CPU use in percent
     * @param memory memory use in percent
     */
    public void record(double cpu, double memory) {
        batch(() -> {
            cpuReadings.update(r -> append(r, cpu));
            memoryReadings.update(r -> append(r, memory));
        });
    }

    private static List<Double> append(List<Double> readings, double value) {
        List<Double> next = new ArrayList<>(readings.subList(Math.max(0, readings.size() + 1 - KEPT), readings.size()));
        next.add(value);
        return List.copyOf(next);
    }

    /**
     * Returns the CPU readings.
     *
     * @return the last readings, oldest first
     */
    public ReadableSignal<List<Double>> cpuReadings() {
        return cpuReadings.asReadonly();
    }

    /**
     * Returns the average CPU use.
     *
     * @return the average of the last five readings
     */
    public Computed<Double> avgCpu() {
        return avgCpu;
    }

    /**
     * Returns the average memory use.
     *
     * @return the average of the last five readings
     */
    public Computed<Double> avgMemory() {
        return avgMemory;
    }

    /**
     * Returns the status.
     *
     * @return {@code critical} above 90 %, {@code warning} above 70 %, else {@code normal}
     */
    public Computed<String> systemStatus() {
        return systemStatus;
    }
}
