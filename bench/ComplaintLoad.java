import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST /complaints from CLIENTS parallel clients (each waits for its answer before the next request)
 * for SECONDS after a warm-up of WARMUP seconds; prints complaints/s, p50 and p99 and the non-201 answers.
 * Single-file program: `java bench/ComplaintLoad.java URL SECONDS CLIENTS WARMUP "Authorization: Bearer ..."`.
 */
public class ComplaintLoad {

    static final String[] PRIORITIES = {"low", "normal", "normal", "high", "urgent"};

    public static void main(String[] args) throws Exception {
        String url = args[0].replaceAll("/$", "") + "/complaints";
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String[] auth = args[4].split(":", 2);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        run(client, url, auth, clients, warmup, false);
        run(client, url, auth, clients, seconds, true);
    }

    static void run(HttpClient client, String url, String[] auth, int clients, int seconds, boolean report) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    String body = "{\"customerId\":\"" + UUID.randomUUID() + "\",\"channel\":\"phone\",\"category\":\"bench-load\","
                            + "\"priority\":\"" + PRIORITIES[i++ % PRIORITIES.length] + "\",\"subject\":\"Parcel late\","
                            + "\"description\":\"Ordered two weeks ago, still not delivered.\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header(auth[0].trim(), auth[1].trim())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "POST /complaints: %d requests in %.1f s = %.0f complaints/s, p50 %.1f ms, p99 %.1f ms, "
                        + "%d not 201 (%d clients)%n", sorted.size(), elapsed, sorted.size() / elapsed,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, errors.get(), clients);
    }
}
