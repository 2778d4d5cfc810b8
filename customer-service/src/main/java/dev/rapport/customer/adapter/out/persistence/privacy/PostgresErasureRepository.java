package dev.rapport.customer.adapter.out.persistence.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.privacy.ErasureRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureConfirmation;
import dev.rapport.customer.domain.privacy.ErasureId;
import dev.rapport.customer.domain.privacy.ServiceName;

/** Erasures through Panache; confirmations through SQL ({@code ON CONFLICT DO NOTHING} makes repeats free). */
@ApplicationScoped
public class PostgresErasureRepository implements ErasureRepository {

    @Override
    public Optional<Erasure> findByCustomer(CustomerId customerId) {
        return ErasureEntity.<ErasureEntity>find("customerId", customerId.value()).firstResultOptional()
                .map(PostgresErasureRepository::toDomain);
    }

    @Override
    public Optional<Erasure> findById(ErasureId id) {
        return ErasureEntity.<ErasureEntity>findByIdOptional(id.value()).map(PostgresErasureRepository::toDomain);
    }

    @Override
    public void add(Erasure erasure) {
        ErasureEntity row = new ErasureEntity();
        row.id = erasure.id().value();
        row.customerId = erasure.customerId().value();
        row.requestedAt = erasure.requestedAt();
        row.requestedBy = erasure.requestedBy();
        row.reason = erasure.reason();
        row.persist();
    }

    @Override
    public boolean addConfirmation(ErasureConfirmation confirmation) {
        int inserted = ErasureEntity.getEntityManager().createNativeQuery("""
                        INSERT INTO customer_erasure_confirmation (erasure_id, service, confirmed_at)
                        VALUES (?1, ?2, ?3) ON CONFLICT (erasure_id, service) DO NOTHING""")
                .setParameter(1, confirmation.erasureId().value())
                .setParameter(2, confirmation.service().value())
                .setParameter(3, confirmation.confirmedAt())
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public List<ErasureConfirmation> confirmations(ErasureId erasureId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ErasureEntity.getEntityManager().createNativeQuery("""
                        SELECT service, confirmed_at FROM customer_erasure_confirmation
                        WHERE erasure_id = ?1 ORDER BY confirmed_at, service""")
                .setParameter(1, erasureId.value())
                .getResultList();
        return rows.stream()
                .map(row -> new ErasureConfirmation(erasureId, new ServiceName((String) row[0]), instant(row[1])))
                .toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }

    private static Erasure toDomain(ErasureEntity row) {
        return new Erasure(new ErasureId(row.id), new CustomerId(row.customerId), row.requestedAt, row.requestedBy,
                row.reason);
    }

}
