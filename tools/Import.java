// Uploads a file to POST /imports and follows the job with a progress bar (JDK only, single file):
//   java tools/Import.java FILE [--format online-retail|csv|ndjson] [--mapping JSON] [--url BASE] [--token T] [--timing]
// --timing also prints "request started at <epoch ms>", for benchmarks that time from the request, not this JVM's start.
// A .gz file is sent as it is with Content-Encoding: gzip (the service decompresses while spooling).
// Exit code 0 when the job completed, 1 when it failed, 2 for usage or HTTP errors.
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Import {

    public static void main(String[] args) throws Exception {
        String file = null, format = "online-retail", mapping = null, base = "http://localhost:8080/api", token = null;
        boolean timing = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = args[++i];
                case "--mapping" -> mapping = args[++i];
                case "--url" -> base = args[++i];
                case "--token" -> token = args[++i];
                case "--timing" -> timing = true;
                default -> file = args[i];
            }
        }
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            System.err.println("usage: java tools/Import.java FILE [--format online-retail|csv|ndjson] [--mapping JSON] [--url BASE] [--token T] [--timing]");
            System.exit(2);
        }
        Path path = Path.of(file);
        boolean gz = file.endsWith(".gz");
        String contentType = format.equals("ndjson") ? "application/x-ndjson" : "text/csv";
        // HTTP/1.1: the default first tries an h2c upgrade, which a streamed upload through the
        // gateway's proxy does not survive (the upstream saw the body end early).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(base + "/imports?format=" + format))
                .header("Content-Type", contentType)
                // Streams the file; nothing is read into memory here either.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> open(path)));
        if (gz) {
            upload.header("Content-Encoding", "gzip");
        }
        if (mapping != null) {
            upload.header("Import-Mapping", mapping);
        }
        if (token != null) {
            upload.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = upload.build();
        if (timing) {
            System.out.println("request started at " + System.currentTimeMillis());
        }
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            System.err.println("upload failed: HTTP " + accepted.statusCode() + "\n" + accepted.body());
            System.exit(2);
        }
        String id = field(accepted.body(), "id");
        System.out.printf("uploaded %s (%,d bytes) in %.1f s, import %s%n", path.getFileName(), Files.size(path),
                (System.nanoTime() - started) / 1e9, id);
        String job;
        while (true) {
            HttpRequest.Builder poll = HttpRequest.newBuilder(
                    // Only the counters: the listed skipped rows (up to 1,000) are not needed for the bar.
                    URI.create(base + "/imports/" + id + "?skippedRows=false")).GET();
            if (token != null) {
                poll.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(poll.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("\npolling failed: HTTP " + response.statusCode() + "\n" + response.body());
                System.exit(2);
            }
            job = response.body();
            String state = field(job, "state");
            double percent = Double.parseDouble(field(job, "progressPercent"));
            int filled = (int) (percent / 100 * 40);
            System.out.printf("\r[%s%s] %5.1f%% %-9s rows %s", "#".repeat(filled), ".".repeat(40 - filled), percent,
                    state, field(job, "rowsRead"));
            if (state.equals("completed") || state.equals("failed")) {
                break;
            }
            Thread.sleep(250);
        }
        System.out.printf("%n%s in %.1f s%n", field(job, "state"), (System.nanoTime() - started) / 1e9);
        for (String counter : new String[] { "rowsRead", "customersCreated", "customersUpdated", "purchasesCreated",
                "purchasesUnchanged", "returnsRecorded", "returnsUnchanged", "rowsSkipped" }) {
            System.out.printf("  %-19s %s%n", counter, field(job, counter));
        }
        Matcher counts = Pattern.compile("\"skipCounts\"\\s*:\\s*(\\{[^}]*\\})").matcher(job);
        if (counts.find()) {
            System.out.println("  skipped by reason   " + counts.group(1));
        }
        if (field(job, "failureReason") != null) {
            System.out.println("  failure: " + field(job, "failureReason"));
        }
        System.exit(field(job, "state").equals("completed") ? 0 : 1);
    }

    private static InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A top-level scalar of the job JSON; the JDK has no JSON parser and the shape is fixed. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE]+|true|false|null)").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1).equals("null") ? null : m.group(1);
    }
}
