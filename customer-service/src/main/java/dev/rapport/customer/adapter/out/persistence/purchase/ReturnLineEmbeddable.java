package dev.rapport.customer.adapter.out.persistence.purchase;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of table {@code purchase_return_line}. */
@Embeddable
public class ReturnLineEmbeddable {

    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public BigDecimal amount;
}
