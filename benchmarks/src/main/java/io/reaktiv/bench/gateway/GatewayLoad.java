package io.reaktiv.bench.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small closed-loop load generator on the JDK HTTP client: {@code c} clients each send {@code GET /api/orders}
 * (with their own {@code X-Client-Id}) back to back for a fixed time, after a warm-up; prints throughput and
 * latency percentiles per concurrency as one Markdown table row each. {@code gateway-load.sh} runs it against the
 * sample app with the gateway filter on and off.
 *
 * <p>Usage: {@code GatewayLoad <base-url> <label> <warmup-seconds> <measure-seconds> <concurrency>...}
 */
public final class GatewayLoad {

    private GatewayLoad() {
    }

    /**
     * Runs the load.
     *
     * @param args base URL, label, warm-up seconds, measured seconds, concurrencies
     * @throws Exception if a request fails outright or a status other than 200 comes back
     */
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/orders");
        String label = args[1];
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[3]));
        for (int i = 4; i < args.length; i++) {
            int clients = Integer.parseInt(args[i]);
            run(uri, clients, warmup);
            long[] latencies = run(uri, clients, measure);
            Arrays.sort(latencies);
            double seconds = measure.toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2f |%n", label, clients,
                    latencies.length / seconds, percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6,
                    percentile(latencies, 0.999) / 1e6);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Each client sends requests back to back until the time is up; returns every latency in nanoseconds. */
    private static long[] run(URI uri, int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(2, clients), r -> {
                    Thread t = new Thread(r, "load-http");
                    t.setDaemon(true);
                    return t;
                })).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("X-Client-Id", "load-" + c).GET().build();
            results.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                start.await();
                long end = System.nanoTime() + duration.toNanos();
                for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    long t1 = System.nanoTime();
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = t1 - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        start.countDown();
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdownNow();
        return all;
    }
}
