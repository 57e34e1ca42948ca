package io.reaktiv.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns result files of several rounds into one Markdown table: per row, each library's median over the rounds
 * of its per-round medians, and reaktiv's ratio to the fastest other library. Reference columns ({@code alien-jvm},
 * a benchmark-only port) are shown but never count as the fastest other library.
 *
 * <p>Usage: {@code CompareTable <resultsDir> <library>...}. Every {@code *.txt} file below {@code resultsDir} is
 * read; lines are {@code scenario library median_ms checksum runs min_ms status}, {@code #} lines are ignored.
 * Libraries are the second column, listed in the order of the arguments.
 */
public final class CompareTable {

    private static final String REAKTIV = "reaktiv";

    /** Columns that are not libraries one would choose instead of reaktiv: excluded from "best other". */
    private static final Set<String> REFERENCE_ONLY = Set.of("alien-jvm");

    /** One result line. */
    private record Result(double medianMillis, String checksum, String runs, String status) {
        boolean failed() {
            return Double.isNaN(medianMillis);
        }
    }

    /** scenario → library → one result per round, in file order. */
    private final Map<String, Map<String, List<Result>>> results = new LinkedHashMap<>();

    private CompareTable() {}

    /**
     * Entry point.
     *
     * @param args the results directory, then the libraries (columns) in order
     * @throws IOException if a result file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CompareTable <resultsDir> <library>...");
            System.exit(2);
        }
        CompareTable table = new CompareTable();
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(table::read);
        }
        System.out.print(table.render(List.of(args).subList(1, args.length)));
    }

    private void read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String[] f = line.trim().split(" ", 7);
            if (line.startsWith("#") || f.length < 7 || f[0].equals("scenario")) {
                continue;
            }
            double median = f[2].equals("-") ? Double.NaN : Double.parseDouble(f[2]);
            results.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(f[1], k -> new ArrayList<>())
                    .add(new Result(median, f[3], f[4], f[6]));
        }
    }

    private String render(List<String> libraries) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | ").append(String.join(" | ", libraries)).append(" | best other | reaktiv / best |\n");
        out.append("|---|").append("---:|".repeat(libraries.size())).append("---|---:|\n");
        List<Double> ratios = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, List<Result>>> row : results.entrySet()) {
            out.append("| ").append(row.getKey()).append(" |");
            String best = null;
            double bestMillis = Double.POSITIVE_INFINITY;
            for (String library : libraries) {
                List<Result> rounds = row.getValue().getOrDefault(library, List.of());
                double median = medianOfRounds(rounds);
                out.append(' ').append(cell(rounds, median)).append(" |");
                for (Result r : rounds) {
                    if (!r.status().equals("ok")) {
                        notes.add(row.getKey() + " " + library + ": " + r.status() + " (checksum " + r.checksum()
                                + ", runs " + r.runs() + ")");
                    }
                }
                if (!library.equals(REAKTIV) && !REFERENCE_ONLY.contains(library) && !Double.isNaN(median)
                        && median < bestMillis) {
                    best = library;
                    bestMillis = median;
                }
            }
            double reaktiv = medianOfRounds(row.getValue().getOrDefault(REAKTIV, List.of()));
            double ratio = reaktiv / bestMillis;
            out.append(' ').append(best == null ? "–" : best).append(" | ");
            if (Double.isNaN(ratio) || best == null) {
                out.append("– |\n");
            } else {
                ratios.add(ratio);
                out.append(String.format(Locale.ROOT, "%.2f", ratio)).append(" |\n");
            }
        }
        if (!ratios.isEmpty()) {
            double logSum = ratios.stream().mapToDouble(Math::log).sum();
            out.append("| geometric mean |").append(" |".repeat(libraries.size())).append(" | **")
                    .append(String.format(Locale.ROOT, "%.2f", Math.exp(logSum / ratios.size()))).append("** |\n");
        }
        if (!notes.isEmpty()) {
            out.append("\nStatuses other than `ok` (any round):\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    /** The median of the per-round medians, or NaN when no round completed. */
    private static double medianOfRounds(List<Result> rounds) {
        double[] sorted = rounds.stream().filter(r -> !r.failed()).mapToDouble(Result::medianMillis).sorted()
                .toArray();
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Three significant digits, at least one decimal; a marker when a round was not {@code ok}. */
    private static String cell(List<Result> rounds, double median) {
        if (rounds.isEmpty()) {
            return "–";
        }
        if (Double.isNaN(median)) {
            return "FAILED";
        }
        String value = median >= 10 ? String.format(Locale.ROOT, "%.1f", median)
                : String.format(Locale.ROOT, "%.3g", median);
        boolean anyFailed = rounds.stream().anyMatch(Result::failed);
        boolean anyDiff = rounds.stream().anyMatch(r -> r.status().startsWith("DIFF"));
        boolean anyExtra = rounds.stream().anyMatch(r -> r.status().startsWith("extra-runs"));
        return value + (anyFailed ? " (failed in a round)" : anyDiff ? " ✗" : anyExtra ? " +" : "");
    }
}
