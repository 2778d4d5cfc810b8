package dev.rapport.customer.adapter.out.persistence.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of the append-only table {@code consent_record}; never updated (a trigger refuses it). */
@Entity
@Table(name = "consent_record")
public class ConsentRecordEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Assigned by the database (identity column): the insertion order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @Column(nullable = false, updatable = false)
    public String channel;

    @Column(nullable = false, updatable = false)
    public String purpose;

    @Column(nullable = false, updatable = false)
    public String status;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "captured_at", nullable = false, updatable = false)
    public Instant capturedAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
