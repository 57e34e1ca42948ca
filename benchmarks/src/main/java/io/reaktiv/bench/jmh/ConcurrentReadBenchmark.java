package io.reaktiv.bench.jmh;

import org.openjdk.jmh.annotations.Threads;

/**
 * The untracked reads of {@link UntrackedReads}, from two threads at once on the same nodes: reads of an up-to-date
 * value should not contend (no lock, no shared write). Scores are per operation per thread, so the throughput
 * ratio to {@link ReadBenchmark} is 2 × its score / this score.
 */
@Threads(2)
public class ConcurrentReadBenchmark extends UntrackedReads {
}
