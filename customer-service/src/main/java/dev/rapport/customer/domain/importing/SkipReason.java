package dev.rapport.customer.domain.importing;

/** Why a row was not applied. The codes appear in {@code skipCounts} and {@code skippedRows}. */
public final class SkipReason {

    public static final String MALFORMED_ROW = "malformed-row";
    public static final String INVALID_ENCODING = "invalid-encoding";
    public static final String MISSING_CUSTOMER_ID = "missing-customer-id";
    public static final String NON_POSITIVE_QUANTITY = "non-positive-quantity";
    public static final String NON_POSITIVE_PRICE = "non-positive-price";
    public static final String INVALID_NUMBER = "invalid-number";
    public static final String INVALID_DATE = "invalid-date";
    public static final String INVALID_VALUE = "invalid-value";
    public static final String INVALID_CUSTOMER = "invalid-customer";
    public static final String DUPLICATE_CUSTOMER = "duplicate-customer";
    public static final String INVOICE_NOT_CONTIGUOUS = "invoice-not-contiguous";
    public static final String ORDER_ID_CONFLICT = "order-id-conflict";
    public static final String NO_RETURNABLE_PURCHASE = "no-returnable-purchase";
    public static final String RETURN_NOT_POSSIBLE = "return-not-possible";

    private SkipReason() {
    }
}
