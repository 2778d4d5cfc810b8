package dev.rapport.customer.domain.engagement;

/** Who started it: the customer (inbound) or we (outbound). */
public enum InteractionDirection {
    INBOUND, OUTBOUND
}
