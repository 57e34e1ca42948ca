package io.reaktiv.bench.scenarios;

import java.util.Map;

/**
 * Rep counts of the timing protocol (SCENARIOS.md §0, JVM column), overridable with the environment variables
 * the Node harness reads: {@code KAIRO_WARMUP KAIRO_REPS CELLX_WARMUP CELLX_REPS DYN_WARMUP DYN_REPS SLOW_MS
 * VERBOSE}.
 *
 * @param kairoWarmup untimed reps of kairo and molBench rows
 * @param kairoReps timed reps of kairo and molBench rows
 * @param cellxWarmup untimed cellx reps
 * @param cellxReps timed cellx reps
 * @param dynamicWarmup untimed dynamic-graph reps
 * @param dynamicReps timed dynamic-graph reps
 * @param slowMillis a first rep slower than this switches the row to 1 warm-up + 2 timed reps
 * @param verbose print every rep
 */
record Settings(int kairoWarmup, int kairoReps, int cellxWarmup, int cellxReps, int dynamicWarmup,
        int dynamicReps, long slowMillis, boolean verbose) {

    /**
     * Reads the settings from environment variables, with the JVM defaults of SCENARIOS.md.
     *
     * @param env the environment
     * @return the settings
     */
    static Settings from(Map<String, String> env) {
        return new Settings(
                intOr(env, "KAIRO_WARMUP", 30),
                intOr(env, "KAIRO_REPS", 11),
                intOr(env, "CELLX_WARMUP", 30),
                intOr(env, "CELLX_REPS", 21),
                intOr(env, "DYN_WARMUP", 10),
                intOr(env, "DYN_REPS", 7),
                intOr(env, "SLOW_MS", 4000),
                env.get("VERBOSE") != null && !env.get("VERBOSE").isEmpty());
    }

    private static int intOr(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : Integer.parseInt(value);
    }

    /**
     * Describes the rep counts for the result header, in the Node harness's words.
     *
     * @return for example {@code warmup/reps kairo 30/11x500 cellx 30/21 dynamic 10/7}
     */
    String describe() {
        return "warmup/reps kairo " + kairoWarmup + "/" + kairoReps + "x500 cellx " + cellxWarmup + "/" + cellxReps
                + " dynamic " + dynamicWarmup + "/" + dynamicReps;
    }
}
