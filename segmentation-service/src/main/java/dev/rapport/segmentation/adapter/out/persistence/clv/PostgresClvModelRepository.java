package dev.rapport.segmentation.adapter.out.persistence.clv;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.application.port.out.clv.ClvModelRepository;
import dev.rapport.segmentation.domain.clv.BgNbdModel;
import dev.rapport.segmentation.domain.clv.ClvModel;
import dev.rapport.segmentation.domain.clv.CustomerHistory;
import dev.rapport.segmentation.domain.clv.GammaGammaModel;

@ApplicationScoped
public class PostgresClvModelRepository implements ClvModelRepository {

    private final Jdbc jdbc;

    public PostgresClvModelRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CustomerHistory> histories(long runId, int sampleSize) {
        // customer ids are random: ordering by them is a uniform sample, and a reproducible one
        return jdbc.query("""
                SELECT s.frequency - 1, (s.last_purchase_date - s.first_purchase_date) / 7.0,
                       greatest(r.as_of - s.first_purchase_date, s.last_purchase_date - s.first_purchase_date) / 7.0,
                       s.monetary / s.frequency
                FROM seg_score s JOIN seg_run r ON r.run_id = ?
                ORDER BY md5(s.customer_id::text) LIMIT ?
                """, s -> {
            s.setLong(1, runId);
            s.setInt(2, sampleSize);
        }, r -> new CustomerHistory(r.getInt(1), r.getDouble(2), r.getDouble(3), r.getDouble(4)));
    }

    @Override
    public long historyDays(long runId) {
        return jdbc.one("""
                SELECT coalesce(r.as_of - (SELECT min(first_purchase_date) FROM seg_score), 0)
                FROM seg_run r WHERE r.run_id = ?
                """, s -> s.setLong(1, runId), r -> r.getLong(1)).orElse(0L);
    }

    @Override
    public void save(long runId, ClvModel model) {
        jdbc.update("""
                INSERT INTO seg_clv_model (run_id, sufficient, repeat_customers, history_days, bg_r, bg_alpha, bg_a, bg_b,
                  gg_p, gg_q, gg_gamma) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id) DO UPDATE SET sufficient = excluded.sufficient,
                  repeat_customers = excluded.repeat_customers, history_days = excluded.history_days,
                  bg_r = excluded.bg_r, bg_alpha = excluded.bg_alpha, bg_a = excluded.bg_a, bg_b = excluded.bg_b,
                  gg_p = excluded.gg_p, gg_q = excluded.gg_q, gg_gamma = excluded.gg_gamma, fitted_at = now()
                """, s -> {
            s.setLong(1, runId);
            s.setBoolean(2, model.sufficientData());
            s.setInt(3, model.repeatCustomers());
            s.setLong(4, model.historyDays());
            BgNbdModel bg = model.purchases();
            GammaGammaModel gg = model.spend();
            s.setObject(5, bg == null ? null : bg.r());
            s.setObject(6, bg == null ? null : bg.alpha());
            s.setObject(7, bg == null ? null : bg.a());
            s.setObject(8, bg == null ? null : bg.b());
            s.setObject(9, gg == null ? null : gg.p());
            s.setObject(10, gg == null ? null : gg.q());
            s.setObject(11, gg == null ? null : gg.gamma());
        });
    }

    @Override
    public Optional<ClvModel> find(long runId) {
        return jdbc.one("SELECT * FROM seg_clv_model WHERE run_id = ?", s -> s.setLong(1, runId),
                PostgresClvModelRepository::model);
    }

    private static ClvModel model(ResultSet r) throws SQLException {
        if (!r.getBoolean("sufficient")) {
            return ClvModel.insufficient(r.getInt("repeat_customers"), r.getLong("history_days"));
        }
        return new ClvModel(new BgNbdModel(r.getDouble("bg_r"), r.getDouble("bg_alpha"), r.getDouble("bg_a"),
                r.getDouble("bg_b")), new GammaGammaModel(r.getDouble("gg_p"), r.getDouble("gg_q"),
                r.getDouble("gg_gamma")), true, r.getInt("repeat_customers"), r.getLong("history_days"));
    }
}
