package dev.rapport.customer.adapter.out.persistence.consent;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.consent.ConsentRepository;
import dev.rapport.customer.domain.consent.ConsentChannel;
import dev.rapport.customer.domain.consent.ConsentPurpose;
import dev.rapport.customer.domain.consent.ConsentRecord;
import dev.rapport.customer.domain.consent.ConsentRecordId;
import dev.rapport.customer.domain.consent.ConsentStatus;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.WireNames;

/** Consent history in PostgreSQL; rows are only ever inserted. */
@ApplicationScoped
public class PostgresConsentRepository implements ConsentRepository {

    @Override
    public void append(ConsentRecord record) {
        ConsentRecordEntity row = new ConsentRecordEntity();
        row.id = record.id().value();
        row.customerId = record.customerId().value();
        row.channel = WireNames.of(record.channel());
        row.purpose = WireNames.of(record.purpose());
        row.status = WireNames.of(record.status());
        row.source = record.source();
        row.capturedAt = record.capturedAt();
        row.recordedAt = record.recordedAt();
        row.persist();
    }

    @Override
    public List<ConsentRecord> historyOf(CustomerId customerId) {
        return ConsentRecordEntity.<ConsentRecordEntity>find("customerId = ?1 order by seq", customerId.value())
                .stream()
                .map(PostgresConsentRepository::toDomain)
                .toList();
    }

    private static ConsentRecord toDomain(ConsentRecordEntity row) {
        return new ConsentRecord(new ConsentRecordId(row.id), new CustomerId(row.customerId),
                WireNames.parse(ConsentChannel.class, row.channel), WireNames.parse(ConsentPurpose.class, row.purpose),
                WireNames.parse(ConsentStatus.class, row.status), row.source, row.capturedAt, row.recordedAt);
    }
}
