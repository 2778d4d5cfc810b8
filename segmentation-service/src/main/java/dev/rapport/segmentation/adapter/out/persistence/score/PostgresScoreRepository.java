package dev.rapport.segmentation.adapter.out.persistence.score;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.WireNames;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.adapter.out.persistence.Parameters;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.ScoredCustomer;
import dev.rapport.segmentation.domain.score.StoredScore;
import dev.rapport.segmentation.domain.lifecycle.SpendTrend;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.domain.score.Segment;

/**
 * seg_score holds the current run's rows, one per scored customer; recency is derived from the last purchase
 * date and the run's asOf. The incremental comparisons come from the run's in-memory population index
 * ({@link RunPopulations}), kept in step with every row this repository writes.
 */
@ApplicationScoped
public class PostgresScoreRepository implements ScoreRepository {

    /** A row's columns with its recency as of the run joined as {@code r}. */
    static final String COLUMNS = "s.customer_id, s.first_purchase_date, s.last_purchase_date, "
            + "greatest(0, r.as_of - s.last_purchase_date) AS recency_days, s.frequency, s.monetary, s.r, s.f, s.m, "
            + "s.segment, s.abc_class, s.recent_spend, s.previous_spend";

    private static final String CURRENT_RUN = "SELECT r.run_id, r.as_of, r.zone, r.customers, r.total_monetary "
            + "FROM seg_current_run c JOIN seg_run r ON r.run_id = c.run_id";

    private final Jdbc jdbc;
    private final RunPopulations populations;

    public PostgresScoreRepository(Jdbc jdbc, RunPopulations populations) {
        this.jdbc = jdbc;
        this.populations = populations;
    }

    @Override
    public ScoringRun currentRunForUpdate() {
        // the lock and the run in one round trip (every event starts here); the run's statement comes second,
        // so it reads what a recompute committed while the lock was waited for
        ScoringRun run = jdbc.oneAfter("SELECT pg_advisory_xact_lock_shared(?)", CURRENT_RUN,
                s -> s.setLong(1, Jdbc.RECOMPUTE_LOCK), PostgresScoreRepository::run).orElseThrow();
        // one lock order for every change (recompute lock, then the index, then rows): no wait cycle with rows
        populations.hold();
        return run;
    }

    @Override
    public ScoringRun currentRun() {
        return jdbc.one(CURRENT_RUN, s -> { }, PostgresScoreRepository::run).orElseThrow();
    }

    @Override
    public Optional<ScoringRun> run(long runId) {
        return jdbc.one("SELECT run_id, as_of, zone, customers, total_monetary FROM seg_run WHERE run_id = ?",
                s -> s.setLong(1, runId), PostgresScoreRepository::run);
    }

    private static ScoringRun run(ResultSet r) throws SQLException {
        return new ScoringRun(r.getLong(1), r.getObject(2, LocalDate.class), ZoneId.of(r.getString(3)), r.getLong(4),
                r.getBigDecimal(5));
    }

    @Override
    public Optional<StoredScore> find(long runId, UUID customerId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM seg_score s JOIN seg_run r ON r.run_id = ? "
                + "WHERE s.customer_id = ?", s -> {
            s.setLong(1, runId);
            s.setObject(2, customerId);
        }, r -> new StoredScore(score(r), trend(r)));
    }

    @Override
    public Map<UUID, StoredScore> findAll(long runId, Collection<UUID> customerIds) {
        Map<UUID, StoredScore> found = new HashMap<>();
        if (customerIds.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT " + COLUMNS + " FROM seg_score s JOIN seg_run r ON r.run_id = ? "
                + "WHERE s.customer_id = ANY (?)", s -> {
            s.setLong(1, runId);
            s.setArray(2, "uuid", customerIds.toArray());
        }, r -> found.put(r.getObject("customer_id", UUID.class), new StoredScore(score(r), trend(r))));
        return found;
    }

    static SpendTrend trend(ResultSet r) throws SQLException {
        return new SpendTrend(r.getBigDecimal("recent_spend"), r.getBigDecimal("previous_spend"));
    }

    static CustomerScore score(ResultSet r) throws SQLException {
        RfmValues values = new RfmValues(r.getObject("first_purchase_date", LocalDate.class),
                r.getObject("last_purchase_date", LocalDate.class), r.getInt("recency_days"), r.getInt("frequency"),
                r.getBigDecimal("monetary"));
        return new CustomerScore(r.getObject("customer_id", UUID.class), values, r.getInt("r"), r.getInt("f"),
                r.getInt("m"), WireNames.parse(Segment.class, r.getString("segment")),
                AbcClass.valueOf(r.getString("abc_class")));
    }

    @Override
    public Comparison compare(long runId, UUID customerId, RfmValues own, RfmValues values) {
        PopulationIndex index = populations.of(runId);
        return index.compare(entry(values), own == null ? null : entry(own));
    }

    private static PopulationIndex.Entry entry(RfmValues v) {
        return PopulationIndex.Entry.of(v.recencyDays(), v.frequency(), v.monetary());
    }

    @Override
    public void save(long runId, StoredScore stored, RfmValues previous, int customersDelta,
            BigDecimal monetaryDelta) {
        CustomerScore score = stored.score();
        PopulationIndex index = populations.of(runId);
        // sent with the transaction's next statement, together with the rows saved right before it
        jdbc.deferGathered(new ScoreWrites(runId), new PendingScore(stored, customersDelta, monetaryDelta));
        if (previous != null) {
            index.remove(entry(previous));
        }
        index.add(entry(score.values()));
    }

    private record PendingScore(StoredScore stored, int customersDelta, BigDecimal monetaryDelta) {
    }

    /**
     * The saved rows of a run that wait together, and the run's n and T moved by all of them, in one statement
     * (one per purchase event, one per run of a poll's purchases); an unchanged row is not rewritten.
     */
    private record ScoreWrites(long runId) implements Jdbc.GatheredWrite<PendingScore> {

        private static final String ON_CONFLICT = """
                ON CONFLICT (customer_id) DO UPDATE SET first_purchase_date = excluded.first_purchase_date,
                  last_purchase_date = excluded.last_purchase_date, frequency = excluded.frequency, monetary = excluded.monetary, r = excluded.r, f = excluded.f,
                  m = excluded.m, segment = excluded.segment, abc_class = excluded.abc_class,
                  recent_spend = excluded.recent_spend, previous_spend = excluded.previous_spend
                WHERE (seg_score.first_purchase_date, seg_score.last_purchase_date, seg_score.frequency,
                  seg_score.monetary::text, seg_score.r, seg_score.f, seg_score.m, seg_score.segment,
                  seg_score.abc_class, seg_score.recent_spend::text, seg_score.previous_spend::text)
                  IS DISTINCT FROM (excluded.first_purchase_date, excluded.last_purchase_date, excluded.frequency,
                  excluded.monetary::text, excluded.r, excluded.f, excluded.m, excluded.segment,
                  excluded.abc_class, excluded.recent_spend::text, excluded.previous_spend::text)
                """;
        private static final String INSERT = """
                INSERT INTO seg_score (customer_id, first_purchase_date, last_purchase_date, frequency, monetary,
                  r, f, m, segment, abc_class, recent_spend, previous_spend)
                """;

        @Override
        public Jdbc.Write write(List<PendingScore> rows) {
            boolean runMoves = rows.stream().anyMatch(r -> r.customersDelta() != 0 || r.monetaryDelta().signum() != 0);
            List<StoredScore> latest = latestPerCustomer(rows);
            String moved = runMoves ? """
                    WITH moved AS (UPDATE seg_run SET customers = customers + ?, total_monetary = total_monetary + ?
                                   WHERE run_id = ?)
                    """ : "";
            String sql = moved + INSERT + (latest.size() == 1
                    ? "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\n"
                    : "SELECT * FROM unnest(?::uuid[], ?::date[], ?::date[], ?::int[], ?::numeric[], ?::int[], ?::int[], "
                            + "?::int[], ?::text[], ?::text[], ?::numeric[], ?::numeric[])\n") + ON_CONFLICT;
            return new Jdbc.Write(sql, s -> {
                int i = 0;
                if (runMoves) {
                    s.setInt(++i, rows.stream().mapToInt(PendingScore::customersDelta).sum());
                    s.setBigDecimal(++i, rows.stream().map(PendingScore::monetaryDelta)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
                    s.setLong(++i, runId);
                }
                if (latest.size() == 1) {
                    bindRow(s, i, latest.get(0));
                } else {
                    bindArrays(s, i, latest);
                }
            });
        }

        private static void bindRow(Parameters s, int i, StoredScore stored) throws SQLException {
            CustomerScore score = stored.score();
            RfmValues v = score.values();
            s.setObject(++i, score.customerId());
            s.setObject(++i, v.firstPurchase());
            s.setObject(++i, v.lastPurchase());
            s.setInt(++i, v.frequency());
            s.setBigDecimal(++i, v.monetary());
            s.setInt(++i, score.r());
            s.setInt(++i, score.f());
            s.setInt(++i, score.m());
            s.setString(++i, WireNames.of(score.segment()));
            s.setString(++i, score.abcClass().name());
            s.setBigDecimal(++i, stored.trend().recent());
            s.setBigDecimal(++i, stored.trend().previous());
        }

        private static void bindArrays(Parameters s, int i, List<StoredScore> rows) throws SQLException {
            s.setArray(++i, "uuid", rows, r -> r.score().customerId());
            s.setArray(++i, "date", rows, r -> Date.valueOf(r.score().values().firstPurchase()));
            s.setArray(++i, "date", rows, r -> Date.valueOf(r.score().values().lastPurchase()));
            s.setArray(++i, "int4", rows, r -> r.score().values().frequency());
            s.setArray(++i, "numeric", rows, r -> r.score().values().monetary());
            s.setArray(++i, "int4", rows, r -> r.score().r());
            s.setArray(++i, "int4", rows, r -> r.score().f());
            s.setArray(++i, "int4", rows, r -> r.score().m());
            s.setArray(++i, "text", rows, r -> WireNames.of(r.score().segment()));
            s.setArray(++i, "text", rows, r -> r.score().abcClass().name());
            s.setArray(++i, "numeric", rows, r -> r.trend().recent());
            s.setArray(++i, "numeric", rows, r -> r.trend().previous());
        }

        /** A customer saved twice in a row keeps its last row (its deltas all count). */
        private static List<StoredScore> latestPerCustomer(List<PendingScore> rows) {
            Map<UUID, StoredScore> latest = new LinkedHashMap<>();
            rows.forEach(r -> latest.put(r.stored().score().customerId(), r.stored()));
            return List.copyOf(latest.values());
        }
    }

    @Override
    public void remove(long runId, UUID customerId, RfmValues previous) {
        PopulationIndex index = populations.of(runId);
        int removed = jdbc.update("DELETE FROM seg_score WHERE customer_id = ?", s -> s.setObject(1, customerId));
        if (removed == 1) {
            index.remove(entry(previous));
            moveRun(runId, -1, previous.monetary().negate());
        }
    }

    private void moveRun(long runId, int customersDelta, BigDecimal monetaryDelta) {
        if (customersDelta == 0 && monetaryDelta.signum() == 0) {
            return;
        }
        jdbc.update("UPDATE seg_run SET customers = customers + ?, total_monetary = total_monetary + ? WHERE run_id = ?",
                s -> {
                    s.setInt(1, customersDelta);
                    s.setBigDecimal(2, monetaryDelta);
                    s.setLong(3, runId);
                });
    }

    @Override
    public Optional<ScoredCustomer> customer(UUID customerId) {
        ScoringRun run = currentRun();
        Optional<String[]> known = jdbc.one("SELECT external_id, merged_into FROM seg_customer WHERE customer_id = ?",
                s -> s.setObject(1, customerId), r -> new String[] {r.getString(1), r.getString(2)});
        if (known.isPresent() && known.get()[1] != null) {
            return customer(UUID.fromString(known.get()[1]));
        }
        Optional<StoredScore> score = find(run.id(), customerId);
        if (known.isEmpty() && score.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScoredCustomer(customerId, known.map(k -> k[0]).orElse(null), run.asOf(),
                score.map(StoredScore::score).orElse(null), score.map(StoredScore::trend).orElse(null)));
    }

    @Override
    public Page<ScoredCustomer> list(Filter filter, PageRequest page) {
        ScoringRun run = currentRun();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", c.external_id FROM seg_score s "
                + "JOIN seg_run r ON r.run_id = ? LEFT JOIN seg_customer c ON c.customer_id = s.customer_id WHERE true");
        List<Object> args = new ArrayList<>();
        args.add(run.id());
        if (filter.segment() != null) {
            sql.append(" AND s.segment = ?");
            args.add(filter.segment());
        }
        if (filter.abcClass() != null) {
            sql.append(" AND s.abc_class = ?");
            args.add(filter.abcClass());
        }
        if (filter.externalId() != null) {
            sql.append(" AND c.external_id = ?");
            args.add(filter.externalId());
        }
        if (page.after() != null) {
            sql.append(" AND s.customer_id > ?");
            args.add(page.after().id());
        }
        sql.append(" ORDER BY s.customer_id LIMIT ?");
        args.add(page.limit() + 1);
        List<ScoredCustomer> rows = jdbc.query(sql.toString(), s -> {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
        }, r -> new ScoredCustomer(r.getObject("customer_id", UUID.class), r.getString("external_id"), run.asOf(),
                score(r), trend(r)));
        PageCursor next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = new PageCursor(Instant.EPOCH, rows.get(rows.size() - 1).customerId());
        }
        return new Page<>(rows, next);
    }

    @Override
    public List<GroupTotal> totalsBySegment() {
        return totals("segment");
    }

    @Override
    public List<GroupTotal> totalsByAbcClass() {
        return totals("abc_class");
    }

    @Override
    public List<GroupTotal> totalsByRfCell() {
        return totals("r || ',' || f");
    }

    private List<GroupTotal> totals(String group) {
        return jdbc.query("SELECT " + group + " AS g, count(*), coalesce(sum(monetary), 0) FROM seg_score GROUP BY 1",
                s -> { },
                r -> new GroupTotal(r.getString(1), r.getLong(2), r.getBigDecimal(3)));
    }
}
