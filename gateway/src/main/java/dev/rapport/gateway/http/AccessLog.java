package dev.rapport.gateway.http;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * The gateway's access log, written in batches. A request only formats its line and queues it
 * (no lock, no thread hand-over); {@link #flush()} writes everything queued as ONE log record
 * every flush interval, from a worker thread. Handing each line to an asynchronous log handler
 * instead woke the handler's thread once per request, which at moderate rates on a small
 * machine cost more CPU and tail latency than the proxying itself (bench/RESULTS.md). nginx
 * offers the same trade with {@code access_log ... buffer= flush=}: lines of the last interval
 * can be lost if the process dies, never delayed requests.
 */
public final class AccessLog {

    static final String CATEGORY = "dev.rapport.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final int capacity;
    private final Consumer<String> sink;
    private final ZoneId zone;
    private volatile Second second = new Second(Long.MIN_VALUE, "");

    /** Lines of one second share their "HH:mm:ss." prefix: formatting a time per request is not free. */
    private record Second(long epochSecond, String prefix) {
    }

    AccessLog(int capacity, Consumer<String> sink, ZoneId zone) {
        this.capacity = capacity;
        this.sink = sink;
        this.zone = zone;
    }

    /** Writes batches to the {@value #CATEGORY} logger (its own handler, format {@code %s%n}). */
    public static AccessLog toLogger(int capacity) {
        return new AccessLog(capacity, LOG::info, ZoneId.systemDefault());
    }

    /** Longest path logged; a longer one is cut (the request was refused with 414 anyway). */
    private static final int MAX_LOGGED_PATH = 512;

    /**
     * The request target as logged: the path and the NAMES of the query parameters, never their
     * values ({@code ?email=...} and {@code ?phone=...} searches would put personal data in the log).
     * {@code /api/customers?email=a@b.c&limit=5} is logged as {@code /api/customers?email&limit}.
     */
    public static void appendTarget(StringBuilder line, String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.length() > MAX_LOGGED_PATH) {
            line.append(path, 0, MAX_LOGGED_PATH).append("...");
        } else {
            line.append(path);
        }
        if (query < 0) {
            return;
        }
        line.append('?');
        int start = query + 1;
        int logged = 0;
        while (start <= uri.length() && logged < MAX_LOGGED_PATH) {
            int end = uri.indexOf('&', start);
            if (end < 0) {
                end = uri.length();
            }
            int equals = uri.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            if (nameEnd > start) {
                if (line.charAt(line.length() - 1) != '?') {
                    line.append('&');
                }
                for (int i = start; i < nameEnd; i++) {
                    char c = uri.charAt(i);
                    // Names are the API's own words; anything else is escaped, so a line cannot be forged.
                    line.append(c > ' ' && c < 0x7f ? c : '_');
                }
                logged += nameEnd - start;
            }
            start = end + 1;
        }
    }

    /** Queues one line; beyond the capacity (the writer cannot keep up) lines are counted and dropped. */
    public void add(long epochMillis, String requestId, CharSequence entry) {
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        StringBuilder line = new StringBuilder(entry.length() + 64);
        appendTime(line, epochMillis);
        line.append(" ACCESS [").append(requestId).append("] ").append(entry);
        pending.offer(line.toString());
    }

    /** Writes what is queued as one record; called periodically and at shutdown. */
    public void flush() {
        StringBuilder batch = null;
        String line;
        int taken = 0;
        while ((line = pending.poll()) != null) {
            taken++;
            if (batch == null) {
                batch = new StringBuilder(Math.max(256, line.length() * 16));
            } else {
                batch.append('\n');
            }
            batch.append(line);
        }
        queued.addAndGet(-taken);
        long lost = dropped.sumThenReset();
        if (lost > 0) {
            if (batch == null) {
                batch = new StringBuilder();
            } else {
                batch.append('\n');
            }
            appendTime(batch, System.currentTimeMillis());
            batch.append(" ACCESS [-] ").append(lost).append(" access log lines dropped: more than ")
                    .append(capacity).append(" were waiting to be written");
        }
        if (batch != null) {
            sink.accept(batch.toString());
        }
    }

    private void appendTime(StringBuilder line, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        Second current = second;
        if (current.epochSecond() != epochSecond) {
            LocalTime time = LocalTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
            current = new Second(epochSecond, String.format("%02d:%02d:%02d.", time.getHour(), time.getMinute(),
                    time.getSecond()));
            second = current;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        line.append(current.prefix());
        if (millis < 100) {
            line.append('0');
        }
        if (millis < 10) {
            line.append('0');
        }
        line.append(millis);
    }
}
