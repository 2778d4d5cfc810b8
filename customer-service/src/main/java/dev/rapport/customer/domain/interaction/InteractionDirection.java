package dev.rapport.customer.domain.interaction;

/** Who started it: the customer (inbound) or we (outbound). */
public enum InteractionDirection {
    INBOUND, OUTBOUND
}
