package dev.rapport.events.loyalty;

/** Facts about the events loyalty-service publishes on {@link dev.rapport.events.Topics#LOYALTY_EVENTS}. */
public final class LoyaltyEvents {

    public static final String SOURCE = "/rapport/loyalty-service";

    private LoyaltyEvents() {
    }
}
