package dev.rapport.events.customer;

/** Facts about the events customer-service publishes on {@link dev.rapport.events.Topics#CUSTOMER_EVENTS}. */
public final class CustomerEvents {

    public static final String SOURCE = "/rapport/customer-service";

    private CustomerEvents() {
    }
}
