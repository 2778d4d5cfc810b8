package dev.rapport.loyalty.adapter.out.persistence.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.adapter.out.persistence.StoredJson;
import dev.rapport.loyalty.application.port.out.account.RedemptionLog;
import dev.rapport.loyalty.domain.account.Redemption;

@ApplicationScoped
public class JdbcRedemptionLog implements RedemptionLog {

    private final Jdbc jdbc;

    public JdbcRedemptionLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stored> find(UUID customerId, String idempotencyKey) {
        return jdbc.one("select request_hash, response from redemption_request where customer_id = ? and idempotency_key = ?",
                rs -> new Stored(rs.getString("request_hash"), StoredJson.read(rs.getString("response"), Redemption.class)),
                customerId, idempotencyKey);
    }

    @Override
    public void save(UUID customerId, String idempotencyKey, String requestFingerprint, Redemption redemption) {
        jdbc.update("insert into redemption_request (customer_id, idempotency_key, request_hash, response, created_at) "
                + "values (?, ?, ?, ?, ?)", customerId, idempotencyKey, requestFingerprint, StoredJson.write(redemption),
                redemption.redeemedAt());
    }
}
