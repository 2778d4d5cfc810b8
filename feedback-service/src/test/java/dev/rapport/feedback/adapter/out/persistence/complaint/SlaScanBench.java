package dev.rapport.feedback.adapter.out.persistence.complaint;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.rapport.feedback.domain.complaint.SlaNotice;

/**
 * Times the SLA scan's claims (the service's own {@link PostgresSlaNoticeClaims}, the statements the
 * scheduler runs) against a loaded feedback database. Each round is one transaction, rolled back, so every
 * round finds the same due notices. Not a test: run by bench/feedback-sla-bench.sh.
 * <pre>SlaScanBench JDBC_URL USER PASSWORD [ROUNDS]</pre>
 */
public final class SlaScanBench {

    private SlaScanBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.setAutoCommit(false);
            PostgresSlaNoticeClaims claims = new PostgresSlaNoticeClaims(single(connection));
            List<Double> millis = new ArrayList<>();
            int notices = 0;
            for (int i = 0; i < rounds + 3; i++) {
                long start = System.nanoTime();
                List<SlaNotice> claimed = claims.claim(Instant.now(), Duration.ofHours(2), 5_000);
                double ms = (System.nanoTime() - start) / 1e6;
                connection.rollback();
                if (i >= 3) { // the first rounds warm the JIT and the caches
                    millis.add(ms);
                    notices = claimed.size();
                }
            }
            Collections.sort(millis);
            System.out.printf(Locale.ROOT, "sla-scan rounds=%d notices-per-scan=%d median=%.1f ms p90=%.1f ms max=%.1f ms%n",
                    rounds, notices, millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.9)),
                    millis.get(millis.size() - 1));
        }
    }

    /** A DataSource handing out the one connection (its close() ignored), so all claims share its transaction. */
    static DataSource single(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(SlaScanBench.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, methodArgs) ->
                        method.getName().equals("close") ? null : method.invoke(connection, methodArgs));
        return (DataSource) Proxy.newProxyInstance(SlaScanBench.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, methodArgs) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
