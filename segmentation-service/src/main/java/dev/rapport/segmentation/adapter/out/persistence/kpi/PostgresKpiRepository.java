package dev.rapport.segmentation.adapter.out.persistence.kpi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.application.port.out.kpi.KpiRepository;
import dev.rapport.segmentation.domain.kpi.AcquisitionSpend;
import dev.rapport.segmentation.domain.kpi.KpiGroup;

/** The KPIs as set-based SQL over the counting purchases (total &gt; 0), months in the business zone. */
@ApplicationScoped
public class PostgresKpiRepository implements KpiRepository {

    private final Jdbc jdbc;

    public PostgresKpiRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static Timestamp start(YearMonth month, ZoneId zone) {
        return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    }

    record Counts(long active, long previous, long retained, long returning, long fresh, BigDecimal revenue) {
    }

    @Override
    public List<KpiGroup> byMonth(YearMonth from, YearMonth to, ZoneId zone) {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.query("""
                WITH p AS (
                  SELECT customer_id, date_trunc('month', occurred_at AT TIME ZONE ?)::date AS month, total
                  FROM seg_purchase WHERE total > 0 AND occurred_at >= ? AND occurred_at < ?
                ), bought AS (
                  SELECT customer_id, month, sum(total) AS revenue FROM p GROUP BY 1, 2
                ), active AS (
                  SELECT a.*, EXISTS (SELECT 1 FROM bought b WHERE b.customer_id = a.customer_id
                    AND b.month = (a.month - interval '1 month')::date) AS retained
                  FROM bought a
                ), firsts AS (
                  SELECT customer_id, date_trunc('month', min(occurred_at) AT TIME ZONE ?)::date AS first_month
                  FROM seg_purchase WHERE total > 0 AND customer_id IN (SELECT customer_id FROM active) GROUP BY 1
                ), months AS (
                  SELECT generate_series(?::date, ?::date, interval '1 month')::date AS month
                )
                SELECT m.month,
                  count(a.customer_id),
                  (SELECT count(*) FROM active b WHERE b.month = (m.month - interval '1 month')::date),
                  count(a.customer_id) FILTER (WHERE a.retained),
                  count(a.customer_id) FILTER (WHERE f.first_month < m.month),
                  count(a.customer_id) FILTER (WHERE f.first_month = m.month),
                  coalesce(sum(a.revenue), 0)
                FROM months m LEFT JOIN active a ON a.month = m.month LEFT JOIN firsts f ON f.customer_id = a.customer_id
                GROUP BY m.month ORDER BY m.month
                """, s -> {
            s.setString(1, zone.getId());
            s.setTimestamp(2, start(from.minusMonths(1), zone));
            s.setTimestamp(3, start(to.plusMonths(1), zone));
            s.setString(4, zone.getId());
            s.setObject(5, from.atDay(1));
            s.setObject(6, to.atDay(1));
        }, r -> counts.put(YearMonth.from(r.getObject(1, LocalDate.class)).toString(), new Counts(r.getLong(2),
                r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getBigDecimal(7))));
        Map<String, Map<String, BigDecimal>> bySegment = new HashMap<>();
        jdbc.query("""
                SELECT date_trunc('month', p.occurred_at AT TIME ZONE ?)::date, coalesce(s.segment, 'unscored'), sum(p.total)
                FROM seg_purchase p
                LEFT JOIN seg_score s ON s.customer_id = p.customer_id
                WHERE p.total > 0 AND p.occurred_at >= ? AND p.occurred_at < ? GROUP BY 1, 2
                """, s -> {
            s.setString(1, zone.getId());
            s.setTimestamp(2, start(from, zone));
            s.setTimestamp(3, start(to.plusMonths(1), zone));
        }, r -> bySegment.computeIfAbsent(YearMonth.from(r.getObject(1, LocalDate.class)).toString(),
                k -> new TreeMap<>()).put(r.getString(2), r.getBigDecimal(3)));
        Map<String, BigDecimal> spend = new HashMap<>();
        jdbc.query("SELECT month, sum(amount) FROM seg_acquisition_spend WHERE month BETWEEN ? AND ? GROUP BY 1", s -> {
            s.setObject(1, from.atDay(1));
            s.setObject(2, to.atDay(1));
        }, r -> spend.put(YearMonth.from(r.getObject(1, LocalDate.class)).toString(), r.getBigDecimal(2)));
        List<KpiGroup> groups = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            String key = m.toString();
            Counts c = counts.getOrDefault(key, new Counts(0, 0, 0, 0, 0, BigDecimal.ZERO));
            groups.add(new KpiGroup(key, c.active(), c.previous(), c.retained(), c.returning(), c.fresh(), c.revenue(),
                    bySegment.getOrDefault(key, Map.of()), spend.get(key)));
        }
        return groups;
    }

    @Override
    public List<KpiGroup> byChannel(YearMonth from, YearMonth to, ZoneId zone) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(from, to) + 1;
        Timestamp periodStart = start(from, zone);
        Map<String, Counts> counts = new HashMap<>();
        jdbc.query("""
                WITH p AS (
                  SELECT p.customer_id, coalesce(c.acquisition_channel, 'unknown') AS channel,
                         p.occurred_at >= ? AS in_period, p.total
                  FROM seg_purchase p LEFT JOIN seg_customer c ON c.customer_id = p.customer_id
                  WHERE p.total > 0 AND p.occurred_at >= ? AND p.occurred_at < ?
                ), cust AS (
                  SELECT customer_id, channel, bool_or(in_period) AS now, bool_or(NOT in_period) AS before,
                         coalesce(sum(total) FILTER (WHERE in_period), 0) AS revenue
                  FROM p GROUP BY 1, 2
                ), firsts AS (
                  SELECT customer_id, min(occurred_at) AS first_at FROM seg_purchase
                  WHERE total > 0 AND customer_id IN (SELECT customer_id FROM cust) GROUP BY 1
                )
                SELECT channel, count(*) FILTER (WHERE now), count(*) FILTER (WHERE before),
                  count(*) FILTER (WHERE now AND before), count(*) FILTER (WHERE now AND f.first_at < ?),
                  count(*) FILTER (WHERE now AND f.first_at >= ?), coalesce(sum(revenue), 0)
                FROM cust JOIN firsts f ON f.customer_id = cust.customer_id GROUP BY channel
                """, s -> {
            s.setTimestamp(1, periodStart);
            s.setTimestamp(2, start(from.minusMonths(months), zone));
            s.setTimestamp(3, start(to.plusMonths(1), zone));
            s.setTimestamp(4, periodStart);
            s.setTimestamp(5, periodStart);
        }, r -> counts.put(r.getString(1), new Counts(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                r.getLong(6), r.getBigDecimal(7))));
        Map<String, Map<String, BigDecimal>> bySegment = new HashMap<>();
        jdbc.query("""
                SELECT coalesce(c.acquisition_channel, 'unknown'), coalesce(s.segment, 'unscored'), sum(p.total)
                FROM seg_purchase p LEFT JOIN seg_customer c ON c.customer_id = p.customer_id
                LEFT JOIN seg_score s ON s.customer_id = p.customer_id
                WHERE p.total > 0 AND p.occurred_at >= ? AND p.occurred_at < ? GROUP BY 1, 2
                """, s -> {
            s.setTimestamp(1, periodStart);
            s.setTimestamp(2, start(to.plusMonths(1), zone));
        }, r -> bySegment.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getBigDecimal(3)));
        Map<String, BigDecimal> spend = new HashMap<>();
        jdbc.query("SELECT channel, sum(amount) FROM seg_acquisition_spend WHERE month BETWEEN ? AND ? GROUP BY 1", s -> {
            s.setObject(1, from.atDay(1));
            s.setObject(2, to.atDay(1));
        }, r -> spend.put(r.getString(1), r.getBigDecimal(2)));
        TreeSet<String> channels = new TreeSet<>(counts.keySet());
        channels.addAll(spend.keySet());
        List<KpiGroup> groups = new ArrayList<>();
        for (String channel : channels) {
            Counts c = counts.getOrDefault(channel, new Counts(0, 0, 0, 0, 0, BigDecimal.ZERO));
            groups.add(new KpiGroup(channel, c.active(), c.previous(), c.retained(), c.returning(), c.fresh(),
                    c.revenue(), bySegment.getOrDefault(channel, Map.of()), spend.get(channel)));
        }
        return groups;
    }

    @Override
    public void saveSpend(AcquisitionSpend spend) {
        jdbc.update("""
                INSERT INTO seg_acquisition_spend (channel, month, amount, currency) VALUES (?, ?, ?, ?)
                ON CONFLICT (channel, month) DO UPDATE SET amount = excluded.amount, currency = excluded.currency,
                  updated_at = now()
                """, s -> {
            s.setString(1, spend.channel());
            s.setObject(2, spend.month().atDay(1));
            s.setBigDecimal(3, spend.amount());
            s.setString(4, spend.currency());
        });
    }
}
