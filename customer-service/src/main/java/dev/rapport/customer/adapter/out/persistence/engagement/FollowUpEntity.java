package dev.rapport.customer.adapter.out.persistence.engagement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of table {@code follow_up}. Only status and closedAt ever change. */
@Entity
@Table(name = "follow_up")
public class FollowUpEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public String owner;

    public String note;

    @Column(name = "interaction_id")
    public UUID interactionId;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
