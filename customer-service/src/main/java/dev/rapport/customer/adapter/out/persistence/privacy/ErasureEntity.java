package dev.rapport.customer.adapter.out.persistence.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of the append-only table {@code customer_erasure}. */
@Entity
@Table(name = "customer_erasure")
public class ErasureEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(updatable = false)
    public String reason;
}
