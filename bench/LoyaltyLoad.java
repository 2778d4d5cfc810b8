import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Load tool of bench/loyalty-bench.sh (single-file program; kafka-clients on the class path):
 *   replay BOOTSTRAP ACCOUNTS EVENTS IDS_OUT   purchase-recorded events straight onto rapport.customer.events
 *   lag GATEWAY API_KEY PROBES [WARMUP]        purchase POST through the gateway → points visible on the account
 *                                              (WARMUP probes first, not counted: the stack has just started)
 *   kafka BOOTSTRAP PROBES                     raw produce → consume latency on the same broker
 *   redeem URL AUTHORIZATION IDS_FILE CLIENTS SECONDS   redemptions by CLIENTS parallel clients
 */
public class LoyaltyLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern BALANCE = Pattern.compile("\"balance\"\\s*:\\s*(-?\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "replay" -> replay(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "lag" -> lag(args[1], args[2], Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 0);
            case "kafka" -> kafka(args[1], Integer.parseInt(args[2]));
            case "redeem" -> redeem(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> {
                System.err.println("usage: see the comment of bench/LoyaltyLoad.java");
                System.exit(2);
            }
        }
    }

    /** EVENTS purchases spread over ACCOUNTS new customers, dated 31-300 days ago: available, not expired. */
    static void replay(String bootstrap, int accounts, int events, Path idsOut) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(UUID.randomUUID());
        }
        Files.write(idsOut, ids.stream().map(UUID::toString).toList());
        String run = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();
        // Batched like a real upstream (customer-service's relay sends up to 1,000 events per transaction):
        // one request per record, as linger.ms=0 sends them, cost the broker and this tool CPU that the
        // consumer being measured needs on the same cores.
        Properties batched = producerProperties(bootstrap);
        batched.putAll(Map.of("linger.ms", "20", "batch.size", Integer.toString(256 * 1024)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(batched)) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < events; i++) {
                UUID customer = ids.get(i % accounts);
                Instant at = Instant.now().minus(Duration.ofDays(31 + random.nextInt(270))).minusSeconds(random.nextInt(86_400));
                BigDecimal total = BigDecimal.valueOf(100 + random.nextInt(19_900)).movePointLeft(2);
                String json = """
                        {"specversion":"1.0","id":"%s","source":"/rapport/customer-service",\
                        "type":"rapport.customer.purchase-recorded.v1","subject":"%s","time":"%s",\
                        "datacontenttype":"application/json","data":{"customerId":"%s","purchaseId":"%s",\
                        "orderId":"bench-%s-%d","total":"%s","currency":"EUR","occurredAt":"%s","lineCount":1}}"""
                        .formatted(UUID.randomUUID(), customer, Instant.now(), customer, UUID.randomUUID(), run, i,
                                total.toPlainString(), at);
                producer.send(new ProducerRecord<>("rapport.customer.events", customer.toString(), json.getBytes()));
            }
            producer.flush();
        }
        System.out.printf("replay: produced %d purchase-recorded events for %d accounts in %.1f s%n", events, accounts,
                (System.nanoTime() - started) / 1e9);
    }

    /** Sequential probes: each purchase is POSTed, then the account is read until its balance shows the points. */
    static void lag(String gateway, String apiKey, int probes, int warmup) throws Exception {
        String base = gateway.replaceAll("/$", "");
        String created = send(HttpRequest.newBuilder(URI.create(base + "/api/customers")).header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"firstName\":\"Lag\",\"lastName\":\"Probe\",\"email\":\"lag-" + UUID.randomUUID()
                                + "@example.com\",\"acquisitionChannel\":\"other\"}")), 201);
        Matcher m = ID.matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + created);
        }
        String id = m.group(1);
        URI account = URI.create(base + "/api/loyalty/accounts/" + id);
        long balance = -1;
        for (long deadline = System.nanoTime() + 30_000_000_000L; balance < 0 && System.nanoTime() < deadline; ) {
            balance = balance(account, apiKey);
            Thread.sleep(20);
        }
        if (balance < 0) {
            throw new IllegalStateException("the loyalty account of " + id + " did not open within 30 s");
        }
        List<Double> lags = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = -warmup; i < probes; i++) {
            long start = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(base + "/api/customers/" + id + "/purchases")).header("X-Api-Key", apiKey)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"orderId\":\"lag-" + run + "-" + i + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"LAG\","
                                    + "\"quantity\":1,\"unitPrice\":\"10.00\"}]}")), 201);
            long now = balance;
            while (now <= balance) {
                now = balance(account, apiKey);
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("probe " + i + ": points not visible after 30 s");
                }
            }
            if (i >= 0) {
                lags.add((System.nanoTime() - start) / 1e6);
            }
            balance = now;
            Thread.sleep(50); // probes apart: the lag of one purchase, not of a queue
        }
        System.out.printf("lag: %d probes (after " + warmup + " not counted) purchase POST -> points visible: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                probes, percentile(lags, 50), percentile(lags, 99), Collections.max(lags));
    }

    /** One record at a time: produce, wait until the consumer has it, next. */
    static void kafka(String bootstrap, int probes) throws Exception {
        String topic = "bench.kafka-latency." + Long.toString(System.currentTimeMillis(), 36);
        Properties consumerProperties = new Properties();
        consumerProperties.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", topic,
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed", "enable.auto.commit", "false"));
        List<Double> lags = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap));
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            producer.send(new ProducerRecord<>(topic, "warm-up", new byte[0])).get(); // creates the topic
            consumer.subscribe(List.of(topic));
            for (long deadline = System.nanoTime() + 60_000_000_000L; ; ) {
                if (!consumer.poll(Duration.ofMillis(200)).isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
            }
            byte[] payload = new byte[400];
            for (int i = 0; i < probes; i++) {
                String key = "probe-" + i;
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, key, payload));
                boolean seen = false;
                while (!seen) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        seen |= key.equals(record.key());
                    }
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException("probe " + i + " not consumed after 30 s");
                    }
                }
                lags.add((System.nanoTime() - start) / 1e6);
                Thread.sleep(20);
            }
        }
        System.out.printf("kafka: %d probes produce -> consume: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                probes, percentile(lags, 50), percentile(lags, 99), Collections.max(lags));
    }

    /** CLIENTS threads redeem 1 point at a time from random accounts of IDS_FILE for SECONDS. */
    static void redeem(String url, String authorization, Path idsFile, int clients, int seconds) throws Exception {
        String base = url.replaceAll("/$", "");
        List<String> ids = Files.readAllLines(idsFile).stream().filter(s -> !s.isBlank()).toList();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String id = ids.get(random.nextInt(ids.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/loyalty/accounts/" + id + "/redemptions"))
                            .header("Authorization", authorization).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"points\": 1, \"reason\": \"bench\"}")).build();
                    long start = System.nanoTime();
                    try {
                        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        latencies.add((System.nanoTime() - start) / 1e6);
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Double> all = new ArrayList<>(latencies);
        System.out.printf("redeem: %d clients, %d s: %d requests, %.0f req/s, p50 %.1f ms, p99 %.1f ms, statuses %s, errors %d%n",
                clients, seconds, all.size(), all.size() / (double) seconds, percentile(all, 50), percentile(all, 99),
                statuses, errors.get());
    }

    private static long balance(URI account, String apiKey) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(account).header("X-Api-Key", apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return -1;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + account + ": " + response.statusCode() + " " + response.body());
        }
        Matcher m = BALANCE.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no balance in " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    private static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static Properties producerProperties(String bootstrap) {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "0",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"));
        return p;
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return new BigDecimal(sorted[Math.max(0, Math.min(index, sorted.length - 1))])
                .setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
