import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates N customers through POST /customers with a few parallel clients and writes their ids,
 * one a line, for the GET benchmark. Single-file program: `java bench/LoadCustomers.java URL N OUT`.
 * Extra headers (e.g. "Authorization: Bearer ...") may follow as further arguments.
 */
public class LoadCustomers {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/LoadCustomers.java BASE_URL COUNT OUT_FILE [HEADER: VALUE ...]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        int count = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            headers.add(new String[] {args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim()});
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        int workers = 8;
        try (var pool = Executors.newFixedThreadPool(workers)) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String body = """
                                {"firstName":"Bench%1$d","lastName":"Customer","email":"bench-%2$s-%1$d@example.com",
                                 "company":"Load Test %3$d Ltd","acquisitionChannel":"import","tags":["bench"]}"""
                                .formatted(i, run, i % 97);
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/customers"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                        headers.forEach(h -> request.header(h[0], h[1]));
                        try {
                            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                            Matcher m = ID.matcher(response.body());
                            if (response.statusCode() == 201 && m.find()) {
                                ids.add(m.group(1));
                            } else if (failures.incrementAndGet() <= 5) {
                                System.err.println("POST failed: " + response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            if (failures.incrementAndGet() <= 5) {
                                System.err.println("POST failed: " + e);
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.write(out, ids);
        System.out.printf("created %d customers in %.1f s (%.0f/s), %d failures%n",
                ids.size(), seconds, ids.size() / seconds, failures.get());
        if (failures.get() > 0) {
            System.exit(1);
        }
    }
}
