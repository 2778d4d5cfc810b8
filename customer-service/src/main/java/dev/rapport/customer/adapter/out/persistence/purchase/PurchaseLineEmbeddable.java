package dev.rapport.customer.adapter.out.persistence.purchase;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of table {@code purchase_line}. */
@Embeddable
public class PurchaseLineEmbeddable {

    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(nullable = false)
    public String sku;

    public String description;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;
}
