package dev.rapport.customer.adapter.out.persistence.engagement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of table {@code interaction}; insert-only. */
@Entity
@Table(name = "interaction")
public class InteractionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String direction;

    @Column(nullable = false)
    public String summary;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String agent;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
