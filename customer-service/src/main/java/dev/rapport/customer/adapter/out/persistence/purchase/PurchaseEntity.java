package dev.rapport.customer.adapter.out.persistence.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of table {@code purchase} with its lines (insert-only) and returns. */
@Entity
@Table(name = "purchase")
public class PurchaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(name = "returned_amount", nullable = false)
    public BigDecimal returnedAmount;

    @Column(name = "line_count", nullable = false)
    public int lineCount;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "purchase_line", joinColumns = @JoinColumn(name = "purchase_id"))
    @OrderBy("lineNumber")
    public List<PurchaseLineEmbeddable> lines = new ArrayList<>();

    @OneToMany(mappedBy = "purchase", cascade = CascadeType.PERSIST)
    @OrderBy("recordedAt, id")
    public List<PurchaseReturnEntity> returns = new ArrayList<>();
}
