package dev.rapport.customer.adapter.out.persistence.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of table {@code purchase_return} with its lines; never changed after insert. */
@Entity
@Table(name = "purchase_return")
public class PurchaseReturnEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "purchase_id")
    public PurchaseEntity purchase;

    @Column(name = "return_key")
    public String returnKey;

    @Column(nullable = false)
    public BigDecimal amount;

    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @ElementCollection
    @CollectionTable(name = "purchase_return_line", joinColumns = @JoinColumn(name = "return_id"))
    @OrderBy("lineNumber")
    public List<ReturnLineEmbeddable> lines = new ArrayList<>();
}
